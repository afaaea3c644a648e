import type { ContentWarningView } from '@kindred/contracts';
import { useQuery } from '@tanstack/react-query';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { LoadingState } from '../../../shared/ui/query-state';
import { previewPost } from '../api/threads-api';

interface PostPreviewProps {
  /** Unique per composer: the fold's "shown" state is remembered under it. */
  id: string;
  text: string;
  /** The warning being chosen: the preview is folded behind it, as readers who ask to be warned see it. */
  warning?: ContentWarningView;
}

/**
 * The text as it will look once posted: rendered by the server with the same Markdown and
 * sanitiser that store the post, so the preview cannot differ from (or be less safe than) it.
 */
export function PostPreview({ id, text, warning }: PostPreviewProps) {
  const t = useT();
  const errorText = useErrorText();
  const trimmed = text.trim();
  // Kept only while the preview is open (gcTime 0): nothing of a draft lingers in the cache.
  const rendered = useQuery({
    queryKey: ['post-preview', text],
    queryFn: ({ signal }) => previewPost(text, signal),
    enabled: trimmed.length > 0,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  if (!trimmed) return <p className="muted">{t('threads.preview.empty')}</p>;
  if (rendered.isPending) return <LoadingState label={t('threads.preview.loading')} />;
  if (rendered.isError) return <p className="field__error">{errorText(rendered.error)}</p>;
  const html = rendered.data.bodyHtml;
  // bodyHtml is rendered and sanitised by the server; nothing else is inserted as HTML.
  const body = () => <div dangerouslySetInnerHTML={{ __html: html }} />;
  if (!warning || warning.categories.length === 0) return body();
  return (
    <WarningGate id={`preview:${id}`} warning={warning} presentation="warn" what="post">
      {body}
    </WarningGate>
  );
}
