import { WARNING_NOTE_MAX_LENGTH } from '@kindred/contracts';
import { useCallback } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { choiceProblem, type WarningChoice } from '../lib/warning-choice';

/** `choiceProblem` in words, in the active language; undefined when the choice is fine. */
export function useChoiceProblem(): (choice: WarningChoice, required: boolean) => string | undefined {
  const t = useT();
  return useCallback(
    (choice: WarningChoice, required: boolean) => {
      const problem = choiceProblem(choice, required);
      if (problem === 'note-too-long') return t('cw.problem.noteTooLong', { max: WARNING_NOTE_MAX_LENGTH });
      if (problem === 'choice-required') return t('cw.problem.choiceRequired');
      return undefined;
    },
    [t],
  );
}
