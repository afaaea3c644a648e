import type { ContentWarningCategory } from '@kindred/contracts';
import type { CrisisAssessment, CrisisCategory } from './crisis.types.js';

/** The content-warning category for each detected kind of crisis (danger from others: violence). */
export const CRISIS_WARNING_OF: Readonly<Record<CrisisCategory, ContentWarningCategory>> = {
  suicide: 'suicide',
  'self-harm': 'self-harm',
  'danger-from-others': 'violence',
};

/** The warning categories an assessment calls for, once each. */
export const crisisWarnings = (assessment: CrisisAssessment): ContentWarningCategory[] => [...new Set(assessment.categories.map((c) => CRISIS_WARNING_OF[c]))];
