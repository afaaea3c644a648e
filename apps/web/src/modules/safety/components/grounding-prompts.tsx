const PROMPTS = [
  { count: 5, sense: 'things you can see', example: 'a colour, a shape, light on a wall' },
  { count: 4, sense: 'things you can touch', example: 'your feet on the floor, the fabric of your sleeve' },
  { count: 3, sense: 'things you can hear', example: 'a fan, traffic, your own breath' },
  { count: 2, sense: 'things you can smell', example: 'soap, tea, fresh air' },
  { count: 1, sense: 'thing you can taste', example: 'or one kind thing to say to yourself' },
];

/** The 5-4-3-2-1 exercise: bringing attention back to the room you are in. */
export function GroundingPrompts() {
  return (
    <section aria-labelledby="grounding-heading" className="grounding">
      <h3 id="grounding-heading">Notice what is around you</h3>
      <p className="muted">Take each one slowly. There is no wrong answer.</p>
      <ol className="grounding__list">
        {PROMPTS.map((prompt) => (
          <li key={prompt.count}>
            <span className="grounding__count" aria-hidden="true">
              {prompt.count}
            </span>
            <span>
              <strong>
                <span className="visually-hidden">{prompt.count} </span>
                {prompt.sense}
              </strong>
              <span className="grounding__example"> — {prompt.example}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
