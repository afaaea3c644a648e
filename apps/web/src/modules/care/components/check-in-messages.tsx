import type { CheckInMessageView } from '@kindred/contracts';
import { TimeAgo } from '../../../shared/ui/time-ago';

interface Props {
  messages: CheckInMessageView[];
  label: string;
  /** Who each side is, in the reader's words ("The moderation team" / "You" or "The member"). */
  team: string;
  other: string;
  compact?: boolean;
}

/** A check-in's messages, oldest first; the team's words are set apart, and no moderator is named. */
export function CheckInMessages({ messages, label, team, other, compact = false }: Props) {
  return (
    <ol className={`check-in${compact ? ' check-in--compact' : ''}`} aria-label={label}>
      {messages.map((message) => (
        <li key={message.id} className={`check-in__message${message.fromTeam ? ' check-in__message--team' : ''}`}>
          <p className="check-in__who">{message.fromTeam ? team : other}</p>
          <p className="check-in__body">{message.body}</p>
          <p className="muted check-in__meta">
            <TimeAgo iso={message.createdAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
