// Shapes used by several features (threads, chat, moderation), kept apart so those files do
// not import one another.

/** A member as others see them: never more than id and handle. */
export interface AuthorView {
  id: string;
  handle: string;
}

/** A place to get help, shown privately to someone whose words suggest crisis. */
export interface CrisisResource {
  name: string;
  description: string;
  contact: string;
  url?: string;
}
