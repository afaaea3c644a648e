import { useT } from '../../../shared/i18n/use-t';
import type { MentionList } from '../hooks/use-mention-autocomplete';
import './mentions.css';

/**
 * The list under a composer while "@…" is typed. Options are chosen by keyboard from the
 * textarea, or by a tap or click (which leaves focus in the textarea). A polite status says how
 * many there are and how to use them, for screen readers.
 */
export function MentionSuggestions({ list }: { list: MentionList }) {
  const t = useT();
  return (
    <>
      <p className="visually-hidden" role="status">
        {list.open ? t('mentions.suggestions.status', { count: list.handles.length }) : ''}
      </p>
      {list.open && (
        <ul id={list.id} role="listbox" aria-label={t('mentions.suggestions.label')} className="mention-suggestions">
          {list.handles.map((handle, index) => (
            <li
              key={handle}
              id={list.optionId(index)}
              role="option"
              aria-selected={index === list.active}
              className="mention-suggestions__option"
              onPointerDown={(event) => event.preventDefault()}
              onClick={() => list.choose(handle)}
            >
              @{handle}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
