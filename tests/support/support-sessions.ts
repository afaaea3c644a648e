import { expect } from '@jest/globals';
import type { ScheduleSessionRequest, SupportSessionView } from '@kindred/contracts';
import type { Agent } from './forum.js';

/** `YYYY-MM-DDTHH:mm` in UTC for an instant: a wall-clock start for sessions in the UTC zone. */
export const utcWallTime = (ms: number) => new Date(Math.ceil(ms / 60_000) * 60_000).toISOString().slice(0, 16);

let sessionCounter = 0;

/** A well-formed session request; each call defaults to its own future day so sessions do not overlap. */
export function sessionRequest(overrides: Partial<ScheduleSessionRequest> = {}): ScheduleSessionRequest {
  sessionCounter += 1;
  const day = new Date(Date.UTC(2027, 5, 1 + sessionCounter)).toISOString().slice(0, 10);
  return { title: `Evening circle ${sessionCounter}`, description: 'We check in, share, and close gently.', localStart: `${day}T18:00`, timeZone: 'Europe/Madrid', durationMinutes: 60, capacity: 8, ...overrides };
}

export async function scheduleSession(facilitator: Agent, roomId: string, overrides: Partial<ScheduleSessionRequest> = {}) {
  const res = await facilitator.post(`/api/rooms/${roomId}/sessions`).send(sessionRequest(overrides));
  expect(res.status).toBe(201);
  return res.body as SupportSessionView;
}
