import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';

export function AboutStep() {
  const t = useT();
  const strong = { strong: <strong /> };
  return (
    <>
      <p className="lead">{t('onboarding.about.lead')}</p>
      <ul className="plain-list">
        <li>
          <T id="onboarding.about.rooms" components={strong} />
        </li>
        <li>
          <T id="onboarding.about.threads" components={strong} />
        </li>
        <li>
          <T id="onboarding.about.pseudonymous" components={strong} />
        </li>
      </ul>
      <p className="notice">{t('layout.notEmergencyCare')}</p>
    </>
  );
}
