/**
 * "Now" as the server sees it. Rules: the panel compares server timestamps
 * (`updated_at`, `ends_at`) only with `serverClock.now()`, read at the moment
 * a time is shown, never with a `Date.now()` kept from an earlier render; the
 * browser's clock may differ from the server's, so each snapshot's `now` (the
 * server's time when it was sent) sets the offset between the two. Without a
 * `now` (an older integration) the offset stays zero and times in the future
 * are shown as "now" (format.ts clamps them).
 */

/** Offsets below this are network latency, not a clock difference: ignored. */
const NOISE_MS = 1000;

export class ServerClock extends EventTarget {
  /** Server time minus browser time, in milliseconds. */
  private offsetMs = 0;

  constructor(private readonly local: () => number = () => Date.now()) {
    super();
  }

  /** The server's time now, in milliseconds since the epoch. */
  now(): number {
    return this.local() + this.offsetMs;
  }

  /** Server time minus browser time, in milliseconds. */
  get offset(): number {
    return this.offsetMs;
  }

  /**
   * Learn the server's time from `serverNow` (ISO 8601, e.g. a snapshot's
   * `now`); fires `change` when the offset moved. Returns whether it did.
   */
  sync(serverNow: string | null | undefined): boolean {
    if (!serverNow) {
      return false;
    }
    const time = Date.parse(serverNow);
    if (Number.isNaN(time)) {
      return false;
    }
    let offset = time - this.local();
    if (Math.abs(offset) < NOISE_MS) {
      offset = 0;
    }
    if (offset === this.offsetMs) {
      return false;
    }
    this.offsetMs = offset;
    this.dispatchEvent(new Event("change"));
    return true;
  }
}

/** The panel's one clock (a page has one Home Assistant server). */
export const serverClock = new ServerClock();
