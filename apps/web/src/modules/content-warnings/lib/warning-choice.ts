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

/** A choice saved earlier (a server draft), back in the picker's shape. */
export function choiceFromInput(input: ContentWarningInput): WarningChoice {
  return { categories: [...input.categories], noneApply: !!input.noneApply, note: input.note ?? '' };
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

/** The warning as readers will see it once posted (for the composer's preview fold). */
export function choiceAsView(choice: WarningChoice): ContentWarningView {
  const note = choice.note.trim();
  return { categories: choice.noneApply ? [] : choice.categories, note: note || null };
}

/** A topic ticked, or "none apply" said: what a room that asks for a choice accepts. */
export function hasChoice(choice: WarningChoice): boolean {
  return choice.categories.length > 0 || choice.noneApply;
}

/** The gentle reminder shows in rooms that do not ask for a choice, once something is written and none is made. */
export function needsNudge(choice: WarningChoice, text: string, required: boolean): boolean {
  return !required && text.trim().length > 0 && !hasChoice(choice);
}

/** Mirrors the server's rules so people hear about a problem before sending (words: `useChoiceProblem`). */
export function choiceProblem(choice: WarningChoice, required: boolean): 'note-too-long' | 'choice-required' | undefined {
  if (choice.note.trim().length > WARNING_NOTE_MAX_LENGTH) return 'note-too-long';
  if (required && !hasChoice(choice)) return 'choice-required';
  return undefined;
}

/** The choice with one more topic ticked (a suggestion taken); "none apply" no longer holds. */
export function withCategory(choice: WarningChoice, category: ContentWarningCategory): WarningChoice {
  if (choice.categories.includes(category)) return { ...choice, noneApply: false };
  return { ...choice, noneApply: false, categories: [...choice.categories, category] };
}
