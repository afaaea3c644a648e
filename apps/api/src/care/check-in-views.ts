import type { CheckInView } from '@kindred/contracts';
import type { CareRepository } from './care.repository.js';
import type { CheckInEntity } from './check-in.entity.js';

/** Check-ins with their messages, as the member (and the moderators) read them: no moderator is named. */
export async function checkInViews(care: CareRepository, checkIns: CheckInEntity[]): Promise<CheckInView[]> {
  const messages = await care.messages(checkIns.map((c) => c.id));
  return checkIns.map((c) => ({
    id: c.id,
    createdAt: c.createdAt.toISOString(),
    messages: messages
      .filter((m) => m.checkInId === c.id)
      .map((m) => ({ id: m.id, fromTeam: m.fromTeam, body: m.body, createdAt: m.createdAt.toISOString() })),
  }));
}
