import { useT } from '../../../shared/i18n/use-t';

/**
 * A plain-text preview: paragraphs and line breaks only, every character escaped by React.
 * Formatting (bold, lists, links) is applied by the server's sanitiser once posted, so
 * nothing here can ever differ in safety from what others will see.
 */
export function TextPreview({ text }: { text: string }) {
  const t = useT();
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="muted">{t('threads.preview.empty')}</p>;
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.split('\n').map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
