import type { CreateReportRequest, MyReportView } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function createReport(body: CreateReportRequest): Promise<MyReportView> {
  return apiRequest<MyReportView>('/api/reports', { method: 'POST', body });
}

export function fetchMyReports(signal?: AbortSignal): Promise<MyReportView[]> {
  return apiRequest<MyReportView[]>('/api/me/reports', { signal });
}
