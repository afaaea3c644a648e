/**
 * The HTTP baseline: bare Fastify + pg serving the same thread page rows Kindred serves
 * (50 posts, authors, reaction counts, the viewer's hidden categories and blocks applied as
 * placeholders), with the same pool size. No sessions, no access checks, no framework layers.
 */
import Fastify from 'fastify';
import pg from 'pg';

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
const hidden = JSON.parse(process.env.BENCH_HIDDEN ?? '[]');
const shown = new Set(JSON.parse(process.env.BENCH_SHOWN ?? '[]'));
const blocked = JSON.parse(process.env.BENCH_BLOCKED ?? '[]');

const app = Fastify({ logger: false });

app.get('/threads/:id/posts', async (request) => {
  const { rows } = await pool.query(
    `SELECT p.id, p.thread_id, p.author_id, u.handle, p.body, p.body_html, p.content_warnings, p.warning_note, p.status,
            p.reply_to_post_id, p.created_at, p.edited_at,
            (p.content_warnings && $2::text[] OR p.author_id = ANY($3::uuid[])) AS hidden,
            (SELECT coalesce(json_object_agg(r.kind, r.n), '{}') FROM (SELECT kind, count(*)::int AS n FROM reactions WHERE post_id = p.id GROUP BY kind) r) AS reactions
     FROM posts p LEFT JOIN users u ON u.id = p.author_id
     WHERE p.thread_id = $1 AND p.status = 'published'
     ORDER BY p.created_at, p.id LIMIT 50`,
    [request.params.id, hidden, blocked],
  );
  const items = rows.map((r) =>
    r.hidden
      ? { kind: 'hidden', id: r.id, createdAt: r.created_at.toISOString(), reason: 'your-settings' }
      : {
          kind: 'post',
          id: r.id,
          threadId: r.thread_id,
          author: { id: r.author_id, handle: r.handle },
          body: r.body,
          bodyHtml: r.body_html,
          warning: { categories: r.content_warnings, note: r.warning_note },
          presentation: r.content_warnings.every((c) => shown.has(c)) ? 'show' : 'warn',
          status: r.status,
          createdAt: r.created_at.toISOString(),
          editedAt: r.edited_at?.toISOString() ?? null,
          replyToPostId: r.reply_to_post_id,
          reactions: r.reactions,
        },
  );
  return { items, nextCursor: null, hiddenCount: items.filter((i) => i.kind === 'hidden').length };
});

await app.listen({ port, host: '127.0.0.1' });
process.stdout.write('bare http ready\n');
process.on('SIGTERM', () => void pool.end().finally(() => process.exit(0)));
