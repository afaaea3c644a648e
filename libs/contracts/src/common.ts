// Shapes used by several features (threads, chat, moderation), kept apart so those files do
// not import one another.

/** A member as others see them: never more than id and handle. */
export interface AuthorView {
  id: string;
  handle: string;
}
