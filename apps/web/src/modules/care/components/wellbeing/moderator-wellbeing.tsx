import { useMyWellbeing } from '../../hooks/use-wellbeing';
import { BreakSuggestion } from './break-suggestion';
import { MyExposure } from './my-exposure';
import '../care.css';

/** The top of the moderation dashboard: a break when one is due, and the moderator's own week. */
export function ModeratorWellbeing() {
  const wellbeing = useMyWellbeing();
  // Quietly absent until it loads (or if it cannot): it must never stand between a moderator and the queue.
  if (!wellbeing.data) return null;
  return (
    <div className="care-wellbeing">
      <BreakSuggestion sitting={wellbeing.data.sitting} suggestBreak={wellbeing.data.suggestBreak} />
      <MyExposure exposure={wellbeing.data.exposure} />
    </div>
  );
}
