/**
 * Where a room does not ask for a warning choice: a quiet reminder beside the button while
 * something is written and nothing is chosen (see `needsNudge`). It never stops anyone posting.
 */
export function WarningNudge({ id }: { id: string }) {
  return (
    <p id={id} className="field__hint warning-nudge">
      No content warning chosen. If your words touch on a hard topic, a warning lets others choose when to read them; if
      none apply, you can post as it is.
    </p>
  );
}
