import { ReportCategory, Severity } from '@kindred/contracts';

/** Crisis first, then harassment and abuse, then everything else. */
export function severityOf(category: ReportCategory): Severity {
  if (category === ReportCategory.Crisis) return Severity.Crisis;
  if (category === ReportCategory.Harassment || category === ReportCategory.Hateful) return Severity.Harm;
  return Severity.Other;
}
