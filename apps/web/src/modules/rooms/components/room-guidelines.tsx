import type { RoomDetail } from '@kindred/contracts';

/** The room's guidelines as the server rendered and sanitised them. */
export function RoomGuidelines({ room, headingId }: { room: RoomDetail; headingId: string }) {
  return (
    <section className="guidelines" aria-labelledby={headingId}>
      <h3 id={headingId} className="guidelines__title">
        Guidelines for {room.name}
      </h3>
      {/* guidelinesHtml is sanitised on the server (markdown-it + sanitize-html); only
          server-rendered *Html fields are ever inserted as HTML. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: room.guidelinesHtml }} />
    </section>
  );
}
