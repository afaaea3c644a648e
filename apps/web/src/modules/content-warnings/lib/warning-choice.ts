import type { ContentWarningCategory, ContentWarningInput, ContentWarningView } from '@kindred/contracts';
import { WARNING_NOTE_MAX_LENGTH } from '@kindred/contracts';

/** What the picker edits; turned into the API's ContentWarningInput on submit. */
export interface WarningChoice {
  categories: ContentWarningCategory[];
  noneApply: boolean;
  note: string;
}

export function initialChoice(defaults: readonly ContentWarningCategory[] = []): WarningChoice {
  return { categories: [...defaults], noneApply: false, note: '' };
}

export function choiceFromView(view: ContentWarningView): WarningChoice {
  return { categories: [...view.categories], noneApply: false, note: view.note ?? '' };
}

export function toWarningInput(choice: WarningChoice): ContentWarningInput | undefined {
  const note = choice.note.trim();
  if (choice.categories.length === 0 && !choice.noneApply && !note) return undefined;
  return {
    categories: choice.noneApply ? [] : choice.categories,
    ...(choice.noneApply ? { noneApply: true } : {}),
    ...(note ? { note } : {}),
  };
}

/** Mirrors the server's rules so people hear about a problem before sending. */
export function choiceProblem(choice: WarningChoice, required: boolean): string | undefined {
  if (choice.note.trim().length > WARNING_NOTE_MAX_LENGTH) {
    return `Keep the note to ${WARNING_NOTE_MAX_LENGTH} characters.`;
  }
  if (required && choice.categories.length === 0 && !choice.noneApply) {
    return 'This room asks for a content-warning choice. Pick any that apply, or “None of these apply”.';
  }
  return undefined;
}
