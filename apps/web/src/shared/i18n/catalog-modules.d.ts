// A catalog imported through the Lingui Vite plugin: compiled messages, not the raw JSON.
declare module '*.json?lingui' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
