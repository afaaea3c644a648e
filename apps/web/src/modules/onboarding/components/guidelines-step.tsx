const GUIDELINES = [
  ['Speak from your own experience.', 'Use “I” statements; nobody here is a case to diagnose.'],
  ['Ask before advising.', 'Many of us need to be heard first. “Would ideas help, or just listening?”'],
  ['Use content warnings', 'for details that could be hard to read, and keep graphic details out.'],
  ['Pseudonyms only.', 'Never share anything that could identify you or anyone else.'],
  ['Take pauses.', 'If a conversation gets heated, step away. “Take a pause” in the header is always there.'],
  ['Be kind to yourself.', 'Read only what you have room for today. Leaving a thread is always fine.'],
];

export function GuidelinesStep() {
  return (
    <>
      <p>Every room adds its own guidelines, and you accept them when you join. These hold everywhere:</p>
      <ul className="plain-list">
        {GUIDELINES.map(([title, text]) => (
          <li key={title}>
            <strong>{title}</strong> {text}
          </li>
        ))}
      </ul>
      <p className="muted">
        Moderators may hide or remove posts that break these guidelines. They always give a reason, and they never
        act on your posts in secret.
      </p>
    </>
  );
}
