import { useState } from 'react';

/**
 * A settings form's unsaved choices over what the server holds: `value` is what the form shows,
 * `changed` whether saving would change anything, `change` takes some choices (and clears the
 * last save's message), `clear` forgets them once saved.
 */
export function useSettingsDraft<T extends object>(saved: T | undefined, resetSave: () => void) {
  const [draft, setDraft] = useState<T | null>(null);
  const value = (draft ?? saved) as T;
  return {
    value,
    changed: draft !== null && JSON.stringify(draft) !== JSON.stringify(saved),
    change(next: Partial<T>) {
      resetSave();
      setDraft({ ...value, ...next });
    },
    clear: () => setDraft(null),
  };
}
