/**
 * Where the room's live chat will sit. Until it exists we say so plainly rather than show
 * controls that do nothing.
 */
export function LiveChatPlaceholder() {
  return (
    <aside className="chat-placeholder" aria-labelledby="live-chat-heading">
      <h2 id="live-chat-heading">Live chat</h2>
      <p>Live chat is being built. Until it is ready, threads are the place to talk.</p>
    </aside>
  );
}
