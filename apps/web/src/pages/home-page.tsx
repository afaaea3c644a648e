import { CurrentUserPanel } from '../modules/auth/components/current-user-panel';
import { RoomList } from '../modules/rooms/components/room-list';

export function HomePage() {
  return (
    <>
      <h1>Welcome to Kindred</h1>
      <p className="lead">
        Kindred is a quiet, moderated place where survivors of trauma support one another at
        their own pace. You choose what you see, who you hear from, and when to step away.
      </p>
      <aside className="notice notice--info" aria-labelledby="quick-exit-note">
        <h2 id="quick-exit-note" className="notice__title">
          Leaving quickly
        </h2>
        <p>
          Press <kbd>Esc</kbd> twice, or use “Quick exit”, to leave at once for a weather page
          and sign out. It cannot erase your browser history, so consider a private window.
        </p>
      </aside>
      <section aria-labelledby="you-heading">
        <h2 id="you-heading" className="visually-hidden">
          Your account
        </h2>
        <CurrentUserPanel />
      </section>
      <section aria-labelledby="rooms-heading">
        <h2 id="rooms-heading">Rooms</h2>
        <RoomList />
      </section>
    </>
  );
}
