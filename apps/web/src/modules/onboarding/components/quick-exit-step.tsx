export function QuickExitStep() {
  return (
    <>
      <p>
        If someone walks in, or you need to stop right now, use <strong>Quick exit</strong> in the top corner of every
        page, or press <kbd>Esc</kbd> twice.
      </p>
      <h3>What it does</h3>
      <ul className="plain-list">
        <li>Swaps this page for an everyday weather page, so pressing Back does not bring Kindred back.</li>
        <li>Signs you out on this device and clears what Kindred stored in this browser.</li>
      </ul>
      <h3>What it cannot do</h3>
      <ul className="plain-list">
        <li>
          It <strong>cannot erase your browser history</strong>: earlier visits may still be listed there. A private
          (incognito) window keeps no history once it is closed.
        </li>
        <li>It cannot hide that the browser was open, or anything outside this browser.</li>
      </ul>
      <p className="muted">If your devices might be monitored, a device the other person cannot reach is safest.</p>
    </>
  );
}
