import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';

const PROMPTS: { count: number; sense: MessageId; example: MessageId }[] = [
  { count: 5, sense: 'pause.grounding.see', example: 'pause.grounding.seeExample' },
  { count: 4, sense: 'pause.grounding.touch', example: 'pause.grounding.touchExample' },
  { count: 3, sense: 'pause.grounding.hear', example: 'pause.grounding.hearExample' },
  { count: 2, sense: 'pause.grounding.smell', example: 'pause.grounding.smellExample' },
  { count: 1, sense: 'pause.grounding.taste', example: 'pause.grounding.tasteExample' },
];

/** The 5-4-3-2-1 exercise: bringing attention back to the room you are in. */
export function GroundingPrompts() {
  const t = useT();
  return (
    <section aria-labelledby="grounding-heading" className="grounding">
      <h3 id="grounding-heading">{t('pause.grounding.title')}</h3>
      <p className="muted">{t('pause.grounding.intro')}</p>
      <ol className="grounding__list">
        {PROMPTS.map((prompt) => (
          <li key={prompt.count}>
            <span className="grounding__count" aria-hidden="true">
              {prompt.count}
            </span>
            <span>
              <strong>
                <span className="visually-hidden">{prompt.count} </span>
                {t(prompt.sense)}
              </strong>
              <span className="grounding__example"> — {t(prompt.example)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
