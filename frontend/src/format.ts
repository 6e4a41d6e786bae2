/**
 * Times as the panel shows them: relative ("2 minutes ago") with the exact
 * time on hover, and the countdown of an open admission window. Rules: every
 * function takes "now" (the server's, clock.ts) as an argument; a relative
 * time is never in the future.
 */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(map: Map<string, T>, language: string, make: (lang: string) => T): T {
  let value = map.get(language);
  if (!value) {
    try {
      value = make(language);
    } catch {
      value = make("en");
    }
    map.set(language, value);
  }
  return value;
}

/** The unit a relative time is shown in, `age` seconds after the time. */
function unitFor(age: number): [Intl.RelativeTimeFormatUnit, number] {
  return UNITS.find(([, size]) => age >= size) ?? ["second", 1];
}

/**
 * "2 minutes ago", "now". A time after `now` (a browser clock behind the
 * server's, or a `now` read a moment too early) is "now": never "in 19 seconds".
 */
export function relativeTime(iso: string, now: number, language: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return "";
  }
  const age = Math.floor(Math.max(0, now - time) / 1000);
  const format = cached(
    relativeFormats,
    language,
    (lang) => new Intl.RelativeTimeFormat(lang, { numeric: "auto" }),
  );
  const [unit, size] = unitFor(age);
  if (unit === "second" && age < 10) {
    return format.format(0, "second");
  }
  return format.format(-Math.floor(age / size), unit);
}

/**
 * Milliseconds until `relativeTime(iso, now)` may read differently: the next
 * whole second, minute, hour… of the time's age (at most an hour; a time in
 * the future is "now" for at least a second).
 */
export function nextChange(iso: string, now: number): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return 3_600_000;
  }
  const ageMs = Math.max(0, now - time);
  const [, size] = unitFor(Math.floor(ageMs / 1000));
  const sizeMs = Math.min(size, 3600) * 1000;
  return sizeMs - (ageMs % sizeMs);
}

/** The exact local date and time, for a tooltip. */
export function exactTime(iso: string, language: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return iso;
  }
  const format = cached(
    exactFormats,
    language,
    (lang) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium" }),
  );
  return format.format(time);
}

/** Seconds left until `iso`, never below zero; null when there is no end. */
export function secondsLeft(iso: string | null, now: number): number | null {
  if (!iso) {
    return null;
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : Math.max(0, Math.ceil((time - now) / 1000));
}

/** 185 → "3:05", 3700 → "1:01:40". */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, "0") : String(m);
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** 4194304 → "4 MiB", 5452595 → "5.2 MiB", 2048 → "2 KiB" (binary units, as the limit is). */
export function fileSize(bytes: number, language: string): string {
  const format = cached(
    sizeFormats,
    language,
    (lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }),
  );
  const units: [string, number][] = [
    ["MiB", 1024 * 1024],
    ["KiB", 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      // Rounded down, so a file just over the limit never reads as the limit.
      return `${format.format(Math.floor((bytes / size) * 10) / 10)} ${unit}`;
    }
  }
  return `${format.format(bytes)} B`;
}
