import type { CreateRoomRequest } from '@kindred/contracts';
import type { TestApp } from '../../support/test-app.js';

// Own small helpers (instead of tests/support/forum.ts) so these tests do not move when the
// integration helpers change shape.
type Agent = ReturnType<TestApp['agent']>;

let counter = 0;

export async function createRoomAs(admin: Agent, overrides: Partial<CreateRoomRequest> = {}) {
  counter += 1;
  const res = await admin.post('/api/rooms').send({
    slug: `e2e-room-${counter}-${Date.now().toString(36)}`,
    name: `E2E room ${counter}`,
    description: 'A room for browser tests.',
    guidelines: 'Be kind. **Use content warnings.**',
    visibility: 'listed',
    joinPolicy: 'open',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`could not create room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string; name: string };
}

export async function joinAs(agent: Agent, roomId: string) {
  const res = await agent.post(`/api/rooms/${roomId}/join`).send({ acceptGuidelines: true });
  if (res.status !== 200) throw new Error(`could not join: ${res.status}`);
}

export async function threadAs(agent: Agent, roomId: string, body: Record<string, unknown>) {
  const res = await agent.post(`/api/rooms/${roomId}/threads`).send(body);
  if (res.status !== 201) throw new Error(`could not create thread: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; firstPost: { id: string } };
}

export async function replyAs(agent: Agent, threadId: string, body: Record<string, unknown>) {
  const res = await agent.post(`/api/threads/${threadId}/posts`).send(body);
  if (res.status !== 201) throw new Error(`could not reply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}
