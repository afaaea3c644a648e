import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import type { MeResponse } from '@kindred/contracts';
import type { Response } from 'supertest';
import type { TestApp } from './test-app.js';

let counter = 0;
export const uniqueHandle = (prefix = 'member') => `${prefix}_${(counter += 1)}_${randomBytes(3).toString('hex')}`;
export const GOOD_PASSWORD = 'quiet-harbour-lantern-42';

/** Registers a member with a fresh handle and returns a signed-in agent. */
export async function registerMember(t: TestApp, handle = uniqueHandle(), userAgent?: string) {
  const agent = t.agent();
  const register = agent.post('/api/auth/register');
  // A browser test signs in from its browser: registering as that same kind of device keeps
  // the account's first sign-in there from counting as a new device (and leaving a notice).
  if (userAgent) void register.set('User-Agent', userAgent);
  const res = await register.send({ handle, password: GOOD_PASSWORD }).expect(201);
  return { agent, handle, user: res.body as { id: string; handle: string; role: string } };
}

/** Signs in an existing handle on a fresh agent. */
export async function signIn(t: TestApp, handle: string, password = GOOD_PASSWORD) {
  const agent = t.agent();
  await agent.post('/api/auth/login').send({ handle, password }).expect(200);
  return agent;
}

/** Who `GET /api/auth/me` says is signed in (always a 200): the handle, or null when signed out. */
export function signedInHandle(res: Response): string | null {
  expect(res.status).toBe(200);
  return (res.body as MeResponse).user?.handle ?? null;
}
