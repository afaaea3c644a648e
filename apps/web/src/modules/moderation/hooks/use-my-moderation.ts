import { useQuery } from '@tanstack/react-query';
import { fetchMyModerationLog, fetchMyReports } from '../api/reports-api';
import { MY_LOG_QUERY_KEY, MY_REPORTS_QUERY_KEY } from './query-keys';

export function useMyReports() {
  return useQuery({ queryKey: MY_REPORTS_QUERY_KEY, queryFn: ({ signal }) => fetchMyReports(signal) });
}

export function useMyModerationLog() {
  return useQuery({ queryKey: MY_LOG_QUERY_KEY, queryFn: ({ signal }) => fetchMyModerationLog(signal) });
}
