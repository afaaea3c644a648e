import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SessionModeService } from './session-mode.service.js';
import { SessionReminders } from './session-reminders.js';

/** How often each instance looks for due reminders and session boundaries. */
const TICK_MS = 15_000;

/**
 * The one timer of support sessions. Every instance runs it; claims in PostgreSQL make each
 * reminder, opening and closing happen once. Tests leave it off and call the steps themselves
 * after moving the Clock.
 */
@Injectable()
export class SessionTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionTicker.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly reminders: SessionReminders,
    private readonly mode: SessionModeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    // A slow database must not stack ticks on top of each other.
    if (this.running) return;
    this.running = true;
    try {
      await this.mode.advance();
      await this.reminders.sendDue();
    } catch (error) {
      this.logger.error({ err: error }, 'support session tick failed');
    } finally {
      this.running = false;
    }
  }
}
