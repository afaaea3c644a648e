import type { CrisisLabelRequest, CrisisLabelStatus } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCrisisLabels, fetchDetectorFigures, labelForDetector, reviewCrisisLabel } from '../api/care-api';

export const detectorKeys = {
  all: ['care', 'detector'] as const,
  figures: ['care', 'detector', 'figures'] as const,
  labels: (status: CrisisLabelStatus) => ['care', 'detector', 'labels', status] as const,
};

export function useDetectorFigures() {
  return useQuery({ queryKey: detectorKeys.figures, queryFn: ({ signal }) => fetchDetectorFigures(signal) });
}

export function useLabelForDetector() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: CrisisLabelRequest) => labelForDetector(body), onSuccess: () => client.invalidateQueries({ queryKey: detectorKeys.all }) });
}

export function useCrisisLabels(status: CrisisLabelStatus, enabled: boolean) {
  return useQuery({ queryKey: detectorKeys.labels(status), queryFn: ({ signal }) => fetchCrisisLabels(status, signal), enabled });
}

export function useReviewCrisisLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'accepted' | 'rejected' }) => reviewCrisisLabel(id, status),
    onSuccess: () => client.invalidateQueries({ queryKey: detectorKeys.all }),
  });
}
