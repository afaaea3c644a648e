#!/usr/bin/env node
/**
 * How many messages per second can one room take? Every send in a room holds the room's
 * chat_rooms row lock from its UPDATE through COMMIT (the WAL flush), so sends in one room
 * run one at a time. This times that critical section alone, back to back on one connection,
 * with the same statement the send path uses; 1000 / mean ms is the room's ceiling.
 *
 *   npm run bench -- --only chat-latency --clients 20 --duration 2 --keep-db   # prints the database
 *   node tests/bench/tools/room-ceiling.mjs postgres://postgres@127.0.0.1:5432/<that database> [count]
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { merge, newHistogram, recordMs, summary, encode } from '../lib/hist.mjs';

const [url, countArg] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: room-ceiling.mjs <database url> [count]\n');
  process.exit(2);
}
const count = Number(countArg ?? 2000);
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: [room] } = await client.query(`SELECT room_id FROM chat_rooms ORDER BY room_id LIMIT 1`);
const { rows: [member] } = await client.query(`SELECT user_id FROM room_memberships WHERE room_id = $1 LIMIT 1`, [room.room_id]);
const text = `WITH room AS (
  UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE room_id = $1 AND ($7 OR (NOT locked AND slow_mode_seconds <= 0)) RETURNING last_seq
), m AS (
  INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, created_at)
  SELECT $1, room.last_seq, $2, $3, $4, $5, $6, clock_timestamp() FROM room RETURNING *
)
SELECT m.id, m.seq, u.handle FROM m LEFT JOIN users u ON u.id = m.author_id`;
const hist = newHistogram();
const body = 'b|0|x| I hear you, and what you are feeling makes sense. Take the time you need; we are here with you.';
const t0 = performance.now();
for (let i = 0; i < count; i += 1) {
  const t = performance.now();
  await client.query({ name: 'ceiling', text, values: [room.room_id, member.user_id, `ceiling-${randomUUID()}`, body, [], null, false] });
  recordMs(hist, performance.now() - t);
}
const wall = performance.now() - t0;
const s = summary(merge([encode(hist)]));
process.stdout.write(`${count} sends, one room, one connection: ${(count / (wall / 1000)).toFixed(0)} msg/s; statement+commit p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms\n`);
await client.end();
