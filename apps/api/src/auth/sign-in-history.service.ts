import { Injectable } from '@nestjs/common';
import { deviceKindOf, NotificationKind, SIGN_IN_HISTORY_DAYS, type SignInHistoryEntry, type SignInMethod } from '@kindred/contracts';
import { Clock } from '../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SessionService } from './session.service.js';
import { SignInEventRepository } from './sign-in-event.repository.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The member's own sign-in history (30 days, to the hour, no addresses) and the notice for a
 * sign-in from a new device.
 *
 * "New device" means a coarse device label (browser family + system family, e.g. "Firefox on
 * Android", the same label sessions show) that this account has not signed in from in the
 * last 30 days and that none of its sessions, live or ended, has used. It is deliberately
 * coarse: no fingerprinting and no addresses, so a second phone of the same kind is not "new".
 */
@Injectable()
export class SignInHistoryService {
  constructor(
    private readonly events: SignInEventRepository,
    private readonly sessions: SessionService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<SignInHistoryEntry[]> {
    const rows = await this.events.listSince(userId, this.cutoff());
    return rows.map((r) => ({ hour: r.hour.toISOString(), outcome: r.outcome, method: r.method, device: r.device, deviceKind: deviceKindOf(r.device) }));
  }

  recordFailure(userId: string, method: SignInMethod, device: string): Promise<void> {
    return this.record(userId, 'failure', method, device);
  }

  /** Call before the new session is created, so that session does not make its own device look known. */
  async recordSuccess(userId: string, method: SignInMethod, device: string): Promise<void> {
    const cutoff = this.cutoff();
    const seenBefore = method !== 'registration' && (await this.sessions.hasAny(userId));
    const knownDevice = (await this.events.hasSucceededFrom(userId, device, cutoff)) || (await this.sessions.hasUsedDevice(userId, device));
    await this.record(userId, 'success', method, device);
    // The very first device of an account is not news to anyone.
    if (seenBefore && !knownDevice) {
      await this.notifications.notify(userId, {
        kind: NotificationKind.NewDeviceSignIn,
        content: { code: 'sign-in.new-device', params: { device } },
        link: '/settings/safety',
      });
    }
  }

  private async record(userId: string, outcome: 'success' | 'failure', method: SignInMethod, device: string): Promise<void> {
    const now = this.clock.now().getTime();
    await this.events.insert({ userId, outcome, method, device, hour: new Date(now - (now % HOUR_MS)) });
    // Pruned as it grows (an indexed range delete), so nothing older than the window lingers.
    await this.events.pruneBefore(this.cutoff());
  }

  private cutoff(): Date {
    return new Date(this.clock.now().getTime() - SIGN_IN_HISTORY_DAYS * DAY_MS);
  }
}
