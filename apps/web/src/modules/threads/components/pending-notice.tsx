/** Held content is never a silent disappearance: its author always sees why. */
export function PendingNotice({ what }: { what: 'thread' | 'post' | 'reply' }) {
  return (
    <p className="pending-notice">
      <strong>Waiting for review</strong> — only you and the moderators can see this {what} until a
      moderator has looked at it.
    </p>
  );
}
