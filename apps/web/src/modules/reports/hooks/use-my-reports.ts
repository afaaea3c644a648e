import { useQuery } from '@tanstack/react-query';
import { fetchMyReports } from '../api/reports-api';

export const MY_REPORTS_QUERY_KEY = ['my-reports'] as const;

/** The reports this member sent, with what became of them. */
export function useMyReports() {
  return useQuery({ queryKey: MY_REPORTS_QUERY_KEY, queryFn: ({ signal }) => fetchMyReports(signal) });
}
