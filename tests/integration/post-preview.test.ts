import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { POST_BODY_MAX_LENGTH, type PostPreview } from '@kindred/contracts';
import { registerMember } from '../support/accounts.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let member: Awaited<ReturnType<typeof registerMember>>;
let threadId: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await memberWithRole(t, 'admin');
  const room = await createRoom(admin.agent);
  member = await registerMember(t);
  await join(member.agent, room.id).expect(200);
  threadId = (await createThread(member.agent, room.id)).id;
});
afterAll(async () => {
  await t?.close();
});

const preview = async (agent: Agent, body: unknown) => agent.post('/api/posts/preview').send({ body });

describe('POST /api/posts/preview: exactly what the server will store, nothing saved', () => {
  it.each([
    ['formatting', '**Held** and _heard_.\n\n- one\n- two\n\n> a quote'],
    ['links', 'See [the guide](https://example.org/guide) and https://example.org/plain'],
    ['markup that must not run', '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))'],
    ['mentions and emoji', 'Thank you @someone 🌿'],
  ])('renders %s the way the posted reply is rendered', async (_what, body) => {
    const shown = (await (await preview(member.agent, body)).body) as PostPreview;
    const posted = await reply(member.agent, threadId, { body });
    expect(shown.bodyHtml).toBe(posted.bodyHtml);
    // Escaped as text at most: never a script or image element, never a script link.
    expect(shown.bodyHtml).not.toMatch(/<(script|img)\b|href="javascript:/i);
  });

  it('stores nothing', async () => {
    const count = async () => Number(((await t.query('SELECT count(*)::int AS n FROM posts')) as { n: number }[])[0]!.n);
    const before = await count();
    await preview(member.agent, 'Only a preview').then((res) => expect(res.status).toBe(200));
    expect(await count()).toBe(before);
  });

  it('answers bad input with a 4xx in the error shape, and strangers with 401', async () => {
    for (const body of ['', 'x'.repeat(POST_BODY_MAX_LENGTH + 1), 42, null]) {
      const res = await preview(member.agent, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
    const res = await t.agent().post('/api/posts/preview').send({ body: 'hello' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });
});
