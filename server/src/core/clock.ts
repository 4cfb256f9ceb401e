// Where "now" comes from: the system clock in production, a settable one in tests, so every date rule (periods,
// closing days, reminders, deadlines, expiry) can be exercised on any day of the calendar.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/**
 * A clock set by hand (tests). From the instant it is set, time runs on as on the wall, so writes within one test
 * keep their order and short waits still pass; `advance` jumps it.
 */
export class SettableClock implements Clock {
  private offsetMs = 0;

  constructor(start?: Date | string) {
    if (start !== undefined) this.set(start);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(to: Date | string): void {
    this.offsetMs = new Date(to).getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
