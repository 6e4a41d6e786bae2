// Unit tests of the panel's plain logic (no DOM): node --test test/
import assert from "node:assert/strict";
import { test } from "node:test";

import { cameraProblem } from "../src/camera.ts";
import { clock, relativeTime, secondsLeft } from "../src/format.ts";
import { EntryStore, areaName, normalizeIeee } from "../src/store.ts";
import { hasString, panelLocalize } from "../src/strings.ts";
import type { ViewOptions } from "../src/store.ts";
import type { Entry } from "../src/types.ts";

function entry(ieee: string, fields: Partial<Entry> = {}): Entry {
  return {
    ieee,
    key_type: "install_code",
    name: null,
    area: null,
    area_id: null,
    manufacturer: null,
    model: null,
    provider: "local",
    provider_title: "This hub",
    status: "pending",
    status_reason: null,
    created_at: "2026-12-01T10:00:00+00:00",
    updated_at: "2026-12-01T10:00:00+00:00",
    editable: true,
    device_id: null,
    ...fields,
  };
}

const WINDOW = {
  open: false,
  ends_at: null,
  duration: null,
  keys_loaded: 0,
  waiting: 0,
  install_code_only: true,
  continuous: false,
  guard: true,
};
const VIEW: ViewOptions = { query: "", status: "", sort: "name", descending: false, areas: undefined };

test("a snapshot replaces the list and a diff changes only what it names", () => {
  const store = new EntryStore();
  store.apply({ type: "entries", changed: [entry("00:00:00:00:00:00:00:09")], removed: [] });
  store.apply({
    type: "snapshot",
    entries: [entry("00:00:00:00:00:00:00:01", { name: "B" }), entry("00:00:00:00:00:00:00:02", { name: "A" })],
    window: WINDOW,
    providers: [],
  });
  assert.deepEqual([...store.entries.keys()], ["00:00:00:00:00:00:00:01", "00:00:00:00:00:00:00:02"]);
  const before = store.version;
  const kept = store.entries.get("00:00:00:00:00:00:00:01");
  store.apply({
    type: "entries",
    changed: [entry("00:00:00:00:00:00:00:02", { name: "A", status: "joined" })],
    removed: ["00:00:00:00:00:00:00:03"],
  });
  assert.equal(store.entries.get("00:00:00:00:00:00:00:02")?.status, "joined");
  assert.equal(store.entries.get("00:00:00:00:00:00:00:01"), kept);
  assert.ok(store.version > before);
  store.apply({ type: "entries", changed: [], removed: ["00:00:00:00:00:00:00:01"] });
  assert.equal(store.entries.size, 1);
  assert.equal(store.apply({ type: "window", window: WINDOW }), false);
});

test("the view searches name, IEEE (with or without colons) and area, and filters by status", () => {
  const store = new EntryStore();
  const areas = { kitchen: { area_id: "kitchen", name: "Kitchen" } };
  store.apply({
    type: "snapshot",
    entries: [
      entry("00:12:4b:00:00:00:00:01", { name: "Lamp", area_id: "kitchen", area: "kitchen" }),
      entry("00:12:4b:00:00:00:00:02", { name: "Plug", area: "Garage", status: "failed" }),
      entry("00:12:4b:00:00:00:00:03", { name: "Sensor" }),
    ],
    window: WINDOW,
    providers: [],
  });
  const names = (options: Partial<ViewOptions>) =>
    store.view({ ...VIEW, ...options }).map((e) => e.name);
  assert.deepEqual(names({ query: "kitch", areas }), ["Lamp"]);
  assert.deepEqual(names({ query: "garage", areas }), ["Plug"]);
  assert.deepEqual(names({ query: "004b00000000", areas }), []);
  assert.deepEqual(names({ query: "124b0000000003", areas }), ["Sensor"]);
  assert.deepEqual(names({ query: "00:00:02", areas }), ["Plug"]);
  assert.deepEqual(names({ status: "failed", areas }), ["Plug"]);
  assert.equal(areaName(store.entries.get("00:12:4b:00:00:00:00:01")!, areas), "Kitchen");
  assert.equal(areaName(store.entries.get("00:12:4b:00:00:00:00:02")!, areas), "Garage");
});

test("sorting puts empty values last both ways and is recomputed after a change", () => {
  const store = new EntryStore();
  store.apply({
    type: "snapshot",
    entries: [
      entry("00:00:00:00:00:00:00:01", { name: "b10" }),
      entry("00:00:00:00:00:00:00:02"),
      entry("00:00:00:00:00:00:00:03", { name: "B9" }),
    ],
    window: WINDOW,
    providers: [],
  });
  const ieees = (descending: boolean) => store.view({ ...VIEW, descending }).map((e) => e.ieee!.slice(-2));
  assert.deepEqual(ieees(false), ["03", "01", "02"]);
  assert.deepEqual(ieees(true), ["01", "03", "02"]);
  const cached = store.view(VIEW);
  assert.equal(store.view(VIEW), cached);
  store.put(entry("00:00:00:00:00:00:00:02", { name: "a" }));
  assert.deepEqual(ieees(false), ["02", "03", "01"]);
  store.delete("00:00:00:00:00:00:00:02");
  assert.deepEqual(ieees(false), ["03", "01"]);
});

test("IEEE addresses are normalised to lower case with colons", () => {
  assert.equal(normalizeIeee("00124B0001020304"), "00:12:4b:00:01:02:03:04");
  assert.equal(normalizeIeee(" 00-12-4B-00-01-02-03-04 "), "00:12:4b:00:01:02:03:04");
  assert.equal(normalizeIeee("12:34"), "12:34");
});

test("times: relative, countdown and clock", () => {
  const now = Date.parse("2026-12-01T10:00:00Z");
  assert.equal(relativeTime("2026-12-01T09:58:00Z", now, "en"), "2 minutes ago");
  assert.equal(relativeTime("2026-12-01T09:59:57Z", now, "en"), "now");
  assert.equal(relativeTime("2026-11-30T10:00:00Z", now, "en"), "yesterday");
  assert.equal(relativeTime("not a time", now, "en"), "");
  assert.equal(secondsLeft("2026-12-01T10:03:05Z", now), 185);
  assert.equal(secondsLeft("2026-12-01T09:00:00Z", now), 0);
  assert.equal(secondsLeft(null, now), null);
  assert.equal(clock(185), "3:05");
  assert.equal(clock(3700), "1:01:40");
});

test("texts: placeholders, English fallback, unknown keys as themselves", () => {
  const t = panelLocalize("en-GB");
  assert.equal(t("keys_loaded", { count: 3 }), "3 keys loaded");
  assert.equal(t("managed_by", {}), "Managed by {title}");
  assert.equal(panelLocalize("xx")("title"), "Provisioning");
  assert.equal(t("status_unheard_of" as "title"), "status_unheard_of");
  assert.ok(hasString("reason_interview_timeout"));
  assert.ok(!hasString("reason_something_else"));
});

test("a camera that cannot be used is told by case, never by the browser's error name", () => {
  const named = (name: string) => Object.assign(new Error("raw"), { name });
  assert.equal(cameraProblem(named("NotFoundError")), "no_camera");
  assert.equal(cameraProblem(named("OverconstrainedError")), "no_camera");
  assert.equal(cameraProblem(named("NotAllowedError")), "denied");
  assert.equal(cameraProblem(named("SecurityError")), "denied");
  assert.equal(cameraProblem(named("NotReadableError")), "in_use");
  assert.equal(cameraProblem(named("AbortError")), "in_use");
  assert.equal(cameraProblem(named("TypeError")), "unavailable");
  assert.equal(cameraProblem("a string"), "unavailable");
  assert.equal(cameraProblem(null), "unavailable");
  const t = panelLocalize("en");
  for (const problem of ["insecure", "no_camera", "denied", "in_use", "unavailable"] as const) {
    const text = t(`scan_${problem}`);
    assert.ok(hasString(`scan_${problem}`), problem);
    assert.doesNotMatch(text, /Error|\{/);
    assert.match(text, /photo/);
  }
});
