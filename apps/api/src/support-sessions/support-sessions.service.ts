import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, FORMER_MEMBER_HANDLE, NotificationKind, type RoomSessionsView, type RsvpResponse, type SupportSessionView } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UserRepository } from '../users/user.repository.js';
import type { ScheduleSessionDto, UpdateSessionDto } from './dto/support-session.dto.js';
import { checkedOccurrences, firstOverlap, nextOccurrence, occurrencesFor, type ScheduleFields } from './session-schedule.js';
import type { SupportSessionEntity } from './support-session.entity.js';
import { SessionRunRepository } from './session-run.repository.js';
import { SupportSessionRepository } from './support-session.repository.js';

const noSuchSession = () => AppError.notFound('No such session.', 'support-session');

/**
 * Scheduling, editing and cancelling support sessions (facilitators), and RSVPs (members).
 * Every method takes the grant the gate issued for the room.
 */
@Injectable()
export class SupportSessionsService {
  constructor(
    private readonly sessions: SupportSessionRepository,
    private readonly users: UserRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly runs: SessionRunRepository,
  ) {}

  async list(grant: AccessGrant): Promise<RoomSessionsView> {
    const rows = await this.sessions.listForRoom(grant.room!.id);
    const views = await this.views(grant, rows);
    return {
      upcoming: views.filter((v) => v.next !== null).sort((a, b) => a.next!.startsAt.localeCompare(b.next!.startsAt)),
      past: views.filter((v) => v.next === null).reverse(),
    };
  }

  async get(grant: AccessGrant, id: string): Promise<SupportSessionView> {
    const session = await this.sessions.findInRoom(id, grant.room!.id);
    if (!session) throw noSuchSession();
    return (await this.views(grant, [session]))[0]!;
  }

  async schedule(grant: AccessGrant, dto: ScheduleSessionDto): Promise<SupportSessionView> {
    const roomId = grant.room!.id;
    const fields: ScheduleFields = { localStart: dto.localStart, timeZone: dto.timeZone, durationMinutes: dto.durationMinutes, weeks: dto.weeks ?? 1 };
    const saved = await this.sessions.transaction(async (manager) => {
      await this.sessions.lockRoomSchedule(manager, roomId);
      const occurrences = checkedOccurrences(fields, this.clock.now());
      await this.refuseOverlap(roomId, occurrences, null, manager);
      const session = this.sessions.create({
        roomId,
        facilitatorId: grant.actor!.id,
        title: dto.title.trim(),
        description: dto.description?.trim() ?? '',
        ...fields,
        startsAt: new Date(occurrences[0]!.startsAt),
        endsAt: new Date(occurrences.at(-1)!.endsAt),
        capacity: dto.capacity,
        lateJoinMinutes: dto.lateJoinMinutes ?? 0,
      });
      return this.sessions.save(manager, session);
    });
    return (await this.views(grant, [saved]))[0]!;
  }

  async update(grant: AccessGrant, id: string, dto: UpdateSessionDto): Promise<SupportSessionView> {
    const roomId = grant.room!.id;
    const saved = await this.sessions.transaction(async (manager) => {
      await this.sessions.lockRoomSchedule(manager, roomId);
      const session = await this.sessions.lockSession(manager, id, roomId);
      if (!session) throw noSuchSession();
      const fields: ScheduleFields = {
        localStart: dto.localStart ?? session.localStart,
        timeZone: dto.timeZone ?? session.timeZone,
        durationMinutes: dto.durationMinutes ?? session.durationMinutes,
        weeks: dto.weeks ?? session.weeks,
      };
      const timeChanged = fields.localStart !== session.localStart || fields.timeZone !== session.timeZone || fields.durationMinutes !== session.durationMinutes || fields.weeks !== session.weeks;
      if (timeChanged) {
        const occurrences = checkedOccurrences(fields, this.clock.now());
        await this.refuseOverlap(roomId, occurrences, session.id, manager);
        Object.assign(session, fields, { startsAt: new Date(occurrences[0]!.startsAt), endsAt: new Date(occurrences.at(-1)!.endsAt) });
      }
      if (dto.capacity !== undefined) {
        const taken = (await this.sessions.rsvpCounts([session.id], manager)).get(session.id) ?? 0;
        if (dto.capacity < taken) {
          throw new AppError({
            status: HttpStatus.CONFLICT,
            code: ErrorCode.CapacityBelowRsvps,
            message: `${taken} members have already RSVPed; the capacity cannot be lower than that.`,
            details: [{ field: 'capacity', problem: 'Below the members who already RSVPed.', code: 'session.capacityBelowRsvps', params: { count: taken } }],
            params: { count: taken },
          });
        }
        session.capacity = dto.capacity;
      }
      if (dto.title !== undefined) session.title = dto.title.trim();
      if (dto.description !== undefined) session.description = dto.description.trim();
      if (dto.lateJoinMinutes !== undefined) session.lateJoinMinutes = dto.lateJoinMinutes;
      return this.sessions.save(manager, session);
    });
    return (await this.views(grant, [saved]))[0]!;
  }

  /** Cancels the session; everyone with a place is told privately, in the same transaction. */
  async cancel(grant: AccessGrant, id: string): Promise<void> {
    await this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lockSession(manager, id, grant.room!.id);
      if (!session) throw noSuchSession();
      session.cancelledAt = this.clock.now();
      await this.sessions.save(manager, session);
      for (const userId of await this.sessions.attendeeIds(session.id, manager)) {
        await this.notifications.notify(
          userId,
          { kind: NotificationKind.SessionCancelled, content: { code: 'session.cancelled', params: { title: session.title } }, link: `/rooms/${session.roomId}/sessions` },
          manager,
        );
      }
    });
  }

  /**
   * Takes a place. The session's row is locked first, so concurrent RSVPs count one after
   * another and the last place goes to exactly one of them.
   */
  async rsvp(grant: AccessGrant, id: string): Promise<RsvpResponse> {
    const userId = grant.actor!.id;
    return this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lockSession(manager, id, grant.room!.id);
      if (!session) throw noSuchSession();
      const next = nextOccurrence(occurrencesFor(session), this.clock.now());
      if (!next || !this.stillJoinable(session, next.startsAt)) {
        throw AppError.validation('This session is over; there is nothing left to RSVP to.', [{ field: 'session', problem: 'Session over.', code: 'session.over' }]);
      }
      const taken = (await this.sessions.rsvpCounts([id], manager)).get(id) ?? 0;
      const mine = (await this.sessions.rsvpedBy([id], userId, manager)).has(id);
      if (mine) return { rsvped: true, rsvpCount: taken };
      if (taken >= session.capacity) {
        throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.SessionFull, message: 'Every place in this session is taken.', params: { capacity: session.capacity } });
      }
      await this.sessions.addRsvp(manager, id, userId);
      return { rsvped: true, rsvpCount: taken + 1 };
    });
  }

  async withdraw(grant: AccessGrant, id: string): Promise<RsvpResponse> {
    return this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lockSession(manager, id, grant.room!.id);
      if (!session) throw noSuchSession();
      await this.sessions.removeRsvp(manager, id, grant.actor!.id);
      return { rsvped: false, rsvpCount: (await this.sessions.rsvpCounts([id], manager)).get(id) ?? 0 };
    });
  }

  /** A weekly session's later occurrences are always ahead; a running one takes latecomers for `lateJoinMinutes`. */
  private stillJoinable(session: SupportSessionEntity, nextStart: string): boolean {
    const started = new Date(nextStart).getTime() <= this.clock.now().getTime();
    if (!started) return true;
    return this.clock.now().getTime() <= new Date(nextStart).getTime() + session.lateJoinMinutes * 60_000;
  }

  private async refuseOverlap(roomId: string, occurrences: ReturnType<typeof occurrencesFor>, exceptId: string | null, manager: Parameters<SupportSessionRepository['save']>[0]) {
    const others = (await this.sessions.activeInRoom(roomId, this.clock.now(), manager)).filter((s) => s.id !== exceptId);
    for (const other of others) {
      const clash = firstOverlap(occurrences, occurrencesFor(other));
      if (clash) {
        throw new AppError({
          status: HttpStatus.CONFLICT,
          code: ErrorCode.SessionOverlap,
          message: `This would overlap "${other.title}" in this room (${clash.startsAt}). Choose another time.`,
          params: { title: other.title, startsAt: clash.startsAt },
        });
      }
    }
  }

  private async views(grant: AccessGrant, rows: SupportSessionEntity[]): Promise<SupportSessionView[]> {
    const ids = rows.map((r) => r.id);
    const viewerId = grant.actor?.id;
    const [counts, mine, handles] = await Promise.all([
      this.sessions.rsvpCounts(ids),
      viewerId ? this.sessions.rsvpedBy(ids, viewerId) : Promise.resolve(new Set<string>()),
      this.users.handles(rows.map((r) => r.facilitatorId)),
    ]);
    const now = this.clock.now();
    return Promise.all(
      rows.map(async (s) => {
        const occurrences = occurrencesFor(s);
        const view: SupportSessionView = {
          id: s.id,
          roomId: s.roomId,
          title: s.title,
          description: s.description,
          facilitator: { handle: handles.get(s.facilitatorId)?.handle ?? 'former member' },
          timeZone: s.timeZone,
          localStart: s.localStart,
          durationMinutes: s.durationMinutes,
          weeks: s.weeks,
          capacity: s.capacity,
          lateJoinMinutes: s.lateJoinMinutes,
          occurrences,
          next: nextOccurrence(occurrences, now),
          cancelled: s.cancelledAt !== null,
          rsvpCount: counts.get(s.id) ?? 0,
          viewer: { rsvped: mine.has(s.id), canFacilitate: grant.canModerate },
        };
        // Attendance is private: only those who facilitate here learn who is coming.
        if (grant.canModerate) {
          const attendees = await this.users.handles(await this.sessions.attendeeIds(s.id));
          view.attendees = [...attendees.values()].map((a) => ({ handle: a.handle }));
          view.cameTo = await this.cameTo(s.id);
        }
        return view;
      }),
    );
  }

  /** Who came to each occurrence that has run (facilitators only). */
  private async cameTo(sessionId: string): Promise<{ startsAt: string; handles: string[] }[]> {
    const runs = await this.runs.attendance(sessionId);
    const handles = await this.users.handles(runs.flatMap((r) => r.userIds));
    return runs.map((r) => ({ startsAt: r.occurrenceAt.toISOString(), handles: r.userIds.map((id) => handles.get(id)?.handle ?? FORMER_MEMBER_HANDLE) }));
  }
}
