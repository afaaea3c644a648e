import type { RoomDetail } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';

/** The room's guidelines as the server rendered and sanitised them. */
export function RoomGuidelines({ room, headingId }: { room: RoomDetail; headingId: string }) {
  const t = useT();
  return (
    <section className="guidelines" aria-labelledby={headingId}>
      <h3 id={headingId} className="guidelines__title">
        {t('rooms.guidelines.title', { name: room.name })}
      </h3>
      {/* guidelinesHtml is sanitised on the server (markdown-it + sanitize-html); only
          server-rendered *Html fields are ever inserted as HTML. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: room.guidelinesHtml }} />
    </section>
  );
}
