import { useQuery } from '@tanstack/react-query';
import { fetchMyModerationLog } from '../api/moderation-api';
import { MY_LOG_QUERY_KEY } from '../../notifications/hooks/use-notifications';

export function useMyModerationLog() {
  return useQuery({ queryKey: MY_LOG_QUERY_KEY, queryFn: ({ signal }) => fetchMyModerationLog(signal) });
}
