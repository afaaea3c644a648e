import type { MessageId } from '../../../shared/i18n/message-id';
import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';

/** Each guideline is one message: a bold lead-in (<strong>) and its explanation. */
const GUIDELINES: MessageId[] = [
  'onboarding.guidelines.ownExperience',
  'onboarding.guidelines.askBeforeAdvising',
  'onboarding.guidelines.contentWarnings',
  'onboarding.guidelines.pseudonyms',
  'onboarding.guidelines.pauses',
  'onboarding.guidelines.kindToYourself',
];

export function GuidelinesStep() {
  const t = useT();
  return (
    <>
      <p>{t('onboarding.guidelines.intro')}</p>
      <ul className="plain-list">
        {GUIDELINES.map((id) => (
          <li key={id}>
            <T id={id} components={{ strong: <strong /> }} />
          </li>
        ))}
      </ul>
      <p className="muted">{t('onboarding.guidelines.moderators')}</p>
    </>
  );
}
