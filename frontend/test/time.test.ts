// Unit tests of the panel's times (no DOM): relative times against the
// server's clock, never in the future, refreshed when their text changes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ServerClock } from "../src/clock.ts";
import { nextChange, relativeTime, secondsLeft } from "../src/format.ts";

const T0 = Date.parse("2026-12-01T10:00:00Z");

/** A browser clock the test moves by hand. */
function browserClock(start: number) {
  const state = { now: start };
  return { state, read: () => state.now };
}

test("a time after now reads 'now', never 'in 19 seconds'", () => {
  assert.equal(relativeTime("2026-12-01T10:00:19Z", T0, "en"), "now");
  assert.equal(relativeTime("2026-12-01T10:05:00Z", T0, "en"), "now");
  assert.equal(relativeTime("2026-12-01T09:59:50Z", T0, "en"), "10 seconds ago");
  assert.equal(relativeTime("2026-12-01T09:00:00Z", T0, "en"), "1 hour ago");
  assert.equal(relativeTime("2026-12-01T10:00:19Z", T0, "de"), "jetzt");
});

test("same clock: 'now' is read when the time is shown, so a row that arrives later is 'now'", () => {
  const browser = browserClock(T0);
  const clock = new ServerClock(browser.read);
  clock.sync(new Date(T0).toISOString());
  assert.equal(clock.offset, 0);
  // The table was first drawn at T0; a device joins 19 s later and its row is
  // drawn then: compared with the clock read at that moment, it is "now".
  browser.state.now = T0 + 19_000;
  const joined = new Date(T0 + 19_000).toISOString();
  assert.equal(relativeTime(joined, clock.now(), "en"), "now");
  browser.state.now = T0 + 19_000 + 75_000;
  assert.equal(relativeTime(joined, clock.now(), "en"), "1 minute ago");
});

test("refreshed when nextChange says, a time ticks through every text in order", () => {
  const updated = new Date(T0).toISOString();
  const seen: string[] = [];
  let now = T0 + 300; // shown a moment after the change
  while (now < T0 + 3 * 3600_000) {
    const text = relativeTime(updated, now, "en");
    if (seen.at(-1) !== text) {
      seen.push(text);
    }
    const delay = nextChange(updated, now);
    assert.ok(delay > 0 && delay <= 3600_000, `delay ${delay} at ${now - T0}`);
    now += delay;
  }
  const seconds = Array.from({ length: 50 }, (_, i) => `${i + 10} seconds ago`);
  const minutes = Array.from({ length: 58 }, (_, i) => `${i + 2} minutes ago`);
  assert.deepEqual(seen, [
    "now",
    ...seconds,
    "1 minute ago",
    ...minutes,
    "1 hour ago",
    "2 hours ago",
  ]);
});

test("nextChange: every second under a minute, then minutes, then hours", () => {
  const updated = new Date(T0).toISOString();
  assert.equal(nextChange(updated, T0), 1000);
  assert.equal(nextChange(updated, T0 + 12_300), 700);
  assert.equal(nextChange(updated, T0 + 90_000), 30_000);
  assert.equal(nextChange(updated, T0 + 2 * 3600_000 + 600_000), 3000_000);
  assert.ok(nextChange(updated, T0 + 3 * 86_400_000) <= 3600_000);
  // A time in the future (a clock behind) is "now" and looked at again in a second.
  assert.equal(nextChange(updated, T0 - 60_000), 1000);
  assert.equal(nextChange("not a time", T0), 3600_000);
});

test("a browser clock 5 minutes behind: the snapshot's now sets the offset", () => {
  const browser = browserClock(T0 - 300_000);
  const clock = new ServerClock(browser.read);
  let changes = 0;
  clock.addEventListener("change", () => changes++);
  const twoMinutesAgo = new Date(T0 - 120_000).toISOString();
  // Before the server's time is known, a time ahead of the browser is "now" (clamped).
  assert.equal(relativeTime(twoMinutesAgo, clock.now(), "en"), "now");
  assert.ok(clock.sync(new Date(T0).toISOString()));
  assert.equal(clock.offset, 300_000);
  assert.equal(changes, 1);
  assert.equal(clock.now(), T0);
  assert.equal(relativeTime(twoMinutesAgo, clock.now(), "en"), "2 minutes ago");
  assert.equal(relativeTime(new Date(T0).toISOString(), clock.now(), "en"), "now");
  // The admission window counts down with the server's time too.
  assert.equal(secondsLeft(new Date(T0 + 180_000).toISOString(), clock.now()), 180);
  browser.state.now += 60_000;
  assert.equal(relativeTime(twoMinutesAgo, clock.now(), "en"), "3 minutes ago");
  // The same offset again is no change.
  assert.ok(!clock.sync(new Date(T0 + 60_000).toISOString()));
  assert.equal(changes, 1);
});

test("a browser clock an hour ahead: a change just made is 'now', not '1 hour ago'", () => {
  const browser = browserClock(T0 + 3600_000);
  const clock = new ServerClock(browser.read);
  const justNow = new Date(T0).toISOString();
  assert.equal(relativeTime(justNow, clock.now(), "en"), "1 hour ago");
  clock.sync(justNow);
  assert.equal(clock.offset, -3600_000);
  assert.equal(relativeTime(justNow, clock.now(), "en"), "now");
  assert.equal(secondsLeft(new Date(T0 + 60_000).toISOString(), clock.now()), 60);
});

test("sync ignores latency-sized offsets, and a missing or broken now", () => {
  const browser = browserClock(T0);
  const clock = new ServerClock(browser.read);
  assert.ok(!clock.sync(new Date(T0 - 400).toISOString()));
  assert.equal(clock.offset, 0);
  assert.ok(!clock.sync(undefined));
  assert.ok(!clock.sync("yesterday"));
  assert.equal(clock.now(), T0);
});
