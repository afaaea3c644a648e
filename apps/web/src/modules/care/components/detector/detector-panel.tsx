import { DetectorFigures } from './detector-figures';
import { LabelReview } from './label-review';
import '../care.css';

/** On the moderation dashboard: how the detector does on members' real words, and (for admins) the labels to review. */
export function DetectorPanel() {
  return (
    <div className="care-wellbeing">
      <DetectorFigures />
      <LabelReview />
    </div>
  );
}
