import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for rules that depend on time (session expiry, lockouts, mutes),
 * so tests can move time forward instead of sleeping.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test hook: shifts this instance's notion of time. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
