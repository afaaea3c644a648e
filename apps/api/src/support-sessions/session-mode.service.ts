import { Injectable, Logger } from '@nestjs/common';
import { SessionPhase, type CheckInRound, type SessionModeView } from '@kindred/contracts';
import { AccessService, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { ChatModerationService } from '../chat/chat-moderation.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { SafetyService } from '../safety/safety.service.js';
import { UserRepository } from '../users/user.repository.js';
import type { SessionAttendDto, SessionCheckInDto, SessionPauseDto, SessionPhaseDto } from './dto/session-mode.dto.js';
import type { SessionCheckInEntity } from './session-check-in.entity.js';
import type { SessionRunEntity } from './session-run.entity.js';
import { SessionRunRepository } from './session-run.repository.js';
import { occurrencesFor } from './session-schedule.js';
import type { SupportSessionEntity } from './support-session.entity.js';
import { SupportSessionRepository } from './support-session.repository.js';

/** Which round may be taken in which phase: the opening round at the start, the closing one at the end. */
const ROUND_PHASE: Record<CheckInRound, SessionPhase> = { opening: SessionPhase.CheckIn, closing: SessionPhase.Closing };

const notRunning = () => AppError.validation('This session is not running now.', [{ field: 'sessionId', problem: 'Not running.', code: 'session.notRunning' }]);

/**
 * Session mode in a room's live chat. The clock opens each occurrence at its start and closes
 * it at its end (locking the chat through chat moderation, as the facilitator); members take
 * their turns in the rounds and the facilitator moves the phases and calls a grounding pause.
 */
@Injectable()
export class SessionModeService {
  private readonly logger = new Logger(SessionModeService.name);

  constructor(
    private readonly sessions: SupportSessionRepository,
    private readonly runs: SessionRunRepository,
    private readonly users: UserRepository,
    private readonly safety: SafetyService,
    private readonly access: AccessService,
    private readonly chatModeration: ChatModerationService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Opens occurrences that have started and closes those that have ended; each only once across instances. */
  async advance(): Promise<{ opened: number; closed: number }> {
    const now = this.clock.now();
    let opened = 0;
    let closed = 0;
    for (const session of await this.sessions.withOccurrenceBetween(now, now)) {
      const running = occurrencesFor(session).find((o) => new Date(o.startsAt) <= now && now < new Date(o.endsAt));
      if (!running || !(await this.runs.open(session.id, new Date(running.startsAt), new Date(running.endsAt)))) continue;
      opened += 1;
      // A chat locked at the end of the last occurrence opens again for this one (a moderator's lock stays).
      await this.setChatLock(session, false, 'A support session started.');
      await this.announce(session);
    }
    for (const run of await this.runs.due(now)) {
      if (!(await this.runs.close(run, now))) continue;
      closed += 1;
      const session = await this.sessions.byId(run.sessionId);
      if (!session) continue;
      await this.setChatLock(session, true, 'The support session has ended.');
      await this.broadcast(session, { ...run, phase: SessionPhase.Closed, closedAt: now });
    }
    return { opened, closed };
  }

  /** The room's session in progress, for a member opening the chat mid-session. */
  async live(roomId: string, viewerId: string): Promise<SessionModeView | null> {
    const running = await this.runningIn(roomId);
    return running ? this.viewFor(running.session, running.run, viewerId) : null;
  }

  async checkIn(user: Actor, dto: SessionCheckInDto): Promise<SessionModeView> {
    // A turn is words in the room: posting, so a mute or suspension stops it as it stops messages.
    const { session, run } = await this.running(user, dto.sessionId, Action.RoomPost);
    if (run.phase !== ROUND_PHASE[dto.round]) {
      throw AppError.validation(`The ${dto.round} round is not open now.`, [{ field: 'round', problem: 'Round not open.', code: 'session.roundClosed' }]);
    }
    if (!dto.pass && !dto.word) throw AppError.validation('Share one word, or pass.', [{ field: 'word', problem: 'A word or a pass.', code: 'field.required' }]);
    await this.runs.takeTurn(run, dto.round, user.id, dto.pass ? null : dto.word!.trim());
    await this.announce(session);
    return this.viewFor(session, run, user.id);
  }

  /**
   * The member has the room open while the session runs: they came. Counted once per
   * occurrence; the room hears the new count (names stay with the facilitators).
   */
  async attend(user: Actor, dto: SessionAttendDto): Promise<SessionModeView> {
    const { session, run } = await this.running(user, dto.sessionId, Action.SessionsRsvp);
    if (await this.runs.markPresent(run, user.id)) await this.announce(session);
    return this.viewFor(session, run, user.id);
  }

  async setPhase(user: Actor, dto: SessionPhaseDto): Promise<SessionModeView> {
    const { session, run } = await this.running(user, dto.sessionId, Action.SessionsFacilitate);
    await this.runs.setPhase(run, dto.phase);
    await this.announce(session);
    return this.viewFor(session, { ...run, phase: dto.phase }, user.id);
  }

  async pause(user: Actor, dto: SessionPauseDto): Promise<void> {
    const { session } = await this.running(user, dto.sessionId, Action.SessionsFacilitate);
    this.events.emit('support-session.pause', { roomId: session.roomId, sessionId: session.id, seconds: dto.seconds });
  }

  /** The session and its open run, after the gate allowed `action` in its room. */
  private async running(user: Actor, sessionId: string, action: Action): Promise<{ session: SupportSessionEntity; run: SessionRunEntity }> {
    const session = await this.sessions.byId(sessionId);
    if (!session) throw AppError.notFound('No such session.', 'support-session');
    await this.access.require({ user, action, roomId: session.roomId });
    const run = await this.runs.liveOf([session.id]);
    if (!run) throw notRunning();
    return { session, run };
  }

  private async runningIn(roomId: string): Promise<{ session: SupportSessionEntity; run: SessionRunEntity } | null> {
    const candidates = await this.sessions.activeInRoom(roomId, new Date(0));
    const run = await this.runs.liveOf(candidates.map((s) => s.id));
    const session = run && candidates.find((s) => s.id === run.sessionId);
    return session && run ? { session, run } : null;
  }

  /** Tells the room the session's state now (its open run, read again after the change). */
  private async announce(session: SupportSessionEntity): Promise<void> {
    const run = await this.runs.liveOf([session.id]);
    if (!run) throw notRunning();
    await this.broadcast(session, run);
  }

  /**
   * Blocks hold in the rounds too: a member who blocked someone who took a turn gets the view
   * without that turn, on their own channel, and never the room's.
   */
  private async broadcast(session: SupportSessionEntity, run: SessionRunEntity): Promise<void> {
    const turns = await this.runs.turns(run);
    const hiddenFor = new Map<string, Set<string>>();
    for (const authorId of new Set(turns.map((t) => t.userId))) {
      for (const blockerId of await this.safety.blockersOf(authorId)) hiddenFor.set(blockerId, (hiddenFor.get(blockerId) ?? new Set()).add(authorId));
    }
    const mode = await this.view(session, run, turns, new Set());
    const personal = await Promise.all([...hiddenFor].map(async ([userId, hidden]) => ({ userId, mode: await this.view(session, run, turns, hidden) })));
    this.events.emit('support-session.mode', { mode, excludedUserIds: [...hiddenFor.keys()], personal });
  }

  private async viewFor(session: SupportSessionEntity, run: SessionRunEntity, viewerId: string): Promise<SessionModeView> {
    const filter = await this.safety.viewerFilter(viewerId);
    return this.view(session, run, await this.runs.turns(run), new Set(filter.blockedUserIds));
  }

  private async view(session: SupportSessionEntity, run: SessionRunEntity, allTurns: SessionCheckInEntity[], hiddenAuthors: ReadonlySet<string>): Promise<SessionModeView> {
    const turns = allTurns.filter((t) => !hiddenAuthors.has(t.userId));
    const handles = await this.users.handles([session.facilitatorId, ...turns.map((t) => t.userId)]);
    const handleOf = (id: string) => handles.get(id)?.handle ?? 'former member';
    return {
      sessionId: session.id,
      roomId: session.roomId,
      title: session.title,
      agenda: session.description,
      facilitator: { handle: handleOf(session.facilitatorId) },
      startsAt: run.occurrenceAt.toISOString(),
      endsAt: run.endsAt.toISOString(),
      phase: run.phase,
      rounds: {
        opening: turns.filter((t) => t.round === 'opening').map((t) => ({ handle: handleOf(t.userId), word: t.word })),
        closing: turns.filter((t) => t.round === 'closing').map((t) => ({ handle: handleOf(t.userId), word: t.word })),
      },
      present: await this.runs.presentCount(run),
    };
  }

  /** Puts on or lifts the session's own lock as the facilitator, through chat moderation (its gate and its log). */
  private async setChatLock(session: SupportSessionEntity, locked: boolean, reason: string): Promise<void> {
    const facilitator = await this.users.findById(session.facilitatorId);
    if (!facilitator) return;
    try {
      await this.chatModeration.sessionLock({ id: facilitator.id, role: facilitator.role }, session.roomId, locked, reason);
    } catch (error) {
      // The facilitator may have stepped down since scheduling: the session still closes; moderators lock by hand.
      this.logger.warn({ err: error, sessionId: session.id }, 'could not change the chat lock at a session boundary');
    }
  }
}
