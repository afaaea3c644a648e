import type { CrisisContact, CrisisResource } from '@kindred/contracts';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import './crisis-resources.css';

const WORDS: Record<Exclude<CrisisContact['kind'], 'website'>, { plain: MessageId; keyword: MessageId; plainName: MessageId; keywordName: MessageId }> = {
  phone: { plain: 'crisis.link.call', keyword: 'crisis.link.call', plainName: 'crisis.link.callName', keywordName: 'crisis.link.callName' },
  text: { plain: 'crisis.link.text', keyword: 'crisis.link.textKeyword', plainName: 'crisis.link.textName', keywordName: 'crisis.link.textKeywordName' },
};

/**
 * One link per way to reach a resource. The visible words say what the link does ("Call
 * 116 123"); its name adds the resource ("Call 116 123, Samaritans"), so every link says
 * where it goes, in the member's language, and starts with the words on screen.
 */
function ContactLink({ contact, name }: { contact: CrisisContact; name: string }) {
  const t = useT();
  const values = { name, number: contact.display, keyword: contact.keyword ?? '' };
  if (contact.kind === 'website') {
    return (
      <a href={contact.href} target="_blank" rel="noopener noreferrer">
        {t('crisis.link.website', values)}
      </a>
    );
  }
  const words = WORDS[contact.kind];
  return (
    <a href={contact.href} aria-label={t(contact.keyword ? words.keywordName : words.plainName, values)}>
      {t(contact.keyword ? words.keyword : words.plain, values)}
    </a>
  );
}

export function CrisisResourceList({ resources }: { resources: CrisisResource[] }) {
  return (
    <ul className="crisis-resources">
      {resources.map((resource) => (
        <li key={`${resource.region}-${resource.id}`} className="crisis-resources__item">
          <strong>{resource.name}</strong>
          {resource.description && <span className="crisis-resources__description">{resource.description}</span>}
          <span className="crisis-resources__links">
            {resource.contacts.map((contact) => (
              <ContactLink key={contact.href} contact={contact} name={resource.name} />
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
