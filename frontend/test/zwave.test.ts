// Unit tests of Z-Wave beside Zigbee (no DOM): the list keyed by id, the
// technology filter, the typed DSK's check, the commands sent, and the
// table's Z-Wave rows rendered to text, where no PIN may ever appear.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ProvisioningApi, entryRef } from "../src/api.ts";
import { entryRow, type RowContext } from "../src/entry-row.ts";
import {
  DEFAULT_CLASSES,
  checkDsk,
  entryId,
  formatName,
  maskDsk,
  protocolName,
  securityClassNames,
  shownIdentity,
  technologyOf,
} from "../src/identity.ts";
import { EntryStore, type ViewOptions } from "../src/store.ts";
import { panelLocalize } from "../src/strings.ts";
import type { Entry, HomeAssistant } from "../src/types.ts";

const PIN = "54321";
const TAIL = "23456-34567-45678-56789-01234-12345-23456";
const FULL_DSK = `${PIN}-${TAIL}`;
const MASKED = `xxxxx-${TAIL}`;
const ZIGBEE = "00:12:4b:00:00:00:00:01";
const t = panelLocalize("en");

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

function zigbee(ieee: string, fields: Partial<Entry> = {}): Entry {
  return {
    technology: "zigbee",
    id: ieee,
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
    source: "list",
    adoptable: false,
    ...fields,
  };
}

function zwave(masked: string, fields: Partial<Entry> = {}): Entry {
  return zigbee("", {
    technology: "zwave",
    id: masked,
    ieee: null,
    key_type: "dsk",
    dsk: masked,
    security_classes: ["S2_AccessControl", "S2_Authenticated"],
    zwave_protocol: "zwave",
    node_id: null,
    ...fields,
  });
}

/** An older backend's entry: no id, no technology. */
function legacy(ieee: string, fields: Partial<Entry> = {}): Entry {
  const entry = zigbee(ieee, fields);
  delete entry.id;
  delete entry.technology;
  delete entry.source;
  delete entry.adoptable;
  return entry;
}

/** A Lit template as the text and attributes it renders (event listeners left out). */
function renderText(value: unknown): string {
  if (value === null || value === undefined || typeof value === "symbol" || typeof value === "function") {
    return "";
  }
  if (Array.isArray(value)) {
    return value.map(renderText).join("");
  }
  if (typeof value === "object") {
    const template = value as { strings?: readonly string[]; values?: unknown[] };
    if (template.strings && template.values) {
      return template.strings.map((part, i) => part + (i < template.values!.length ? renderText(template.values![i]) : "")).join("");
    }
    return "";
  }
  return String(value);
}

/** The text of rendered HTML, its tags left out. */
function untagged(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

function row(entry: Entry): string {
  const ctx: RowContext = { host: new EventTarget(), localize: t, language: "en", areas: undefined, narrow: true };
  return renderText(entryRow(entry, ctx));
}

test("entries are keyed by id; removals name ids; an older backend's entries by IEEE", () => {
  const store = new EntryStore();
  store.apply({
    type: "snapshot",
    entries: [zigbee(ZIGBEE, { name: "Lamp" }), zwave(MASKED, { name: "Lock" })],
    window: WINDOW,
    providers: [],
  });
  assert.deepEqual([...store.entries.keys()], [ZIGBEE, MASKED]);
  assert.ok(store.has(MASKED));
  assert.ok(store.has("00124B0000000001"));
  assert.ok(!store.has(FULL_DSK));
  store.apply({ type: "entries", changed: [zwave(MASKED, { name: "Lock", node_id: 5, status: "joined" })], removed: [] });
  assert.equal(store.entries.size, 2);
  assert.equal(store.entries.get(MASKED)?.node_id, 5);
  store.apply({ type: "entries", changed: [], removed: [MASKED] });
  assert.deepEqual([...store.entries.keys()], [ZIGBEE]);

  const old = new EntryStore();
  old.apply({ type: "snapshot", entries: [legacy(ZIGBEE)], window: WINDOW, providers: [] });
  assert.deepEqual([...old.entries.keys()], [ZIGBEE]);
  assert.equal(technologyOf(old.entries.get(ZIGBEE)!), "zigbee");
  old.apply({ type: "entries", changed: [], removed: [ZIGBEE] });
  assert.equal(old.entries.size, 0);
  assert.equal(entryId({ ieee: ZIGBEE }), ZIGBEE);
});

test("the technology filter, and search by DSK with or without dashes", () => {
  const store = new EntryStore();
  store.apply({
    type: "snapshot",
    entries: [
      zigbee(ZIGBEE, { name: "Lamp" }),
      zwave(MASKED, { name: "Lock" }),
      zwave("xxxxx-11111-22222-33333-44444-55555-00001-00002", { name: "Sensor" }),
    ],
    window: WINDOW,
    providers: [],
  });
  const names = (options: Partial<ViewOptions>) => store.view({ ...VIEW, ...options }).map((e) => e.name);
  assert.deepEqual(names({ technology: "zwave" }), ["Lock", "Sensor"]);
  assert.deepEqual(names({ technology: "zigbee" }), ["Lamp"]);
  assert.deepEqual(names({ technology: "" }), ["Lamp", "Lock", "Sensor"]);
  assert.deepEqual(names({ query: "34567-45678" }), ["Lock"]);
  assert.deepEqual(names({ query: "3456745678" }), ["Lock"]);
  assert.deepEqual(names({ query: "124b" }), ["Lamp"]);
  assert.deepEqual(
    store.view({ ...VIEW, sort: "technology" }).map((e) => technologyOf(e)),
    ["zigbee", "zwave", "zwave"],
  );
});

test("a typed DSK is checked as the backend checks it", () => {
  assert.deepEqual(checkDsk(` ${FULL_DSK} `), { ok: true, dsk: FULL_DSK });
  assert.deepEqual(checkDsk(FULL_DSK.replaceAll("-", " - ")), { ok: true, dsk: FULL_DSK });
  assert.deepEqual(checkDsk(FULL_DSK.replaceAll("-", " ")), { ok: true, dsk: FULL_DSK });
  assert.deepEqual(checkDsk(FULL_DSK.replaceAll("-", "")), { ok: true, dsk: FULL_DSK });
  assert.deepEqual(checkDsk("65535-00000-00000-00000-00000-00000-00000-00000").ok, true);
  for (const bad of [
    "",
    TAIL,
    `${FULL_DSK}-12345`,
    FULL_DSK.replace("54321", "5432"),
    FULL_DSK.replace("54321", "5432a"),
    FULL_DSK.replaceAll("-", "_"),
    FULL_DSK.replaceAll("-", "").slice(1),
    MASKED,
  ]) {
    assert.deepEqual(checkDsk(bad), { ok: false, error: "dsk_format" }, bad);
  }
  assert.deepEqual(checkDsk(FULL_DSK.replace("34567", "65536")), { ok: false, error: "dsk_group", group: 3 });
  assert.deepEqual(checkDsk(FULL_DSK.replace(PIN, "99999")), { ok: false, error: "dsk_group", group: 1 });
  // The errors' texts never repeat what was typed.
  assert.doesNotMatch(t("dsk_group", { group: 1 }), /99999/);
  assert.match(t("dsk_format", { format: "12345-12345" }), /eight groups of five digits/);
});

test("security classes and protocols have short readable names; the default grants the three S2 classes", () => {
  assert.equal(
    securityClassNames(["S2_AccessControl", "S2_Authenticated", "S2_Unauthenticated", "S0_Legacy"], t),
    "S2 Access Control, S2 Authenticated, S2 Unauthenticated, S0 Legacy",
  );
  assert.equal(securityClassNames(["S9_Future"], t), "S9_Future");
  assert.equal(securityClassNames(null, t), "");
  assert.equal(protocolName("zwave_long_range", t), "Z-Wave Long Range");
  assert.equal(protocolName(null, t), "");
  assert.equal(formatName("smartstart", t), "Z-Wave SmartStart");
  assert.equal(formatName("zigbee_3", t), "zigbee_3");
  assert.deepEqual([...DEFAULT_CLASSES].sort(), ["S2_AccessControl", "S2_Authenticated", "S2_Unauthenticated"]);
});

test("a Z-Wave row shows the masked DSK, classes, node and technology, and never a PIN", () => {
  const text = row(zwave(MASKED, { name: "Front door", node_id: 5, status: "joined" }));
  assert.match(text, /data-id="?xxxxx-23456-34567-45678-56789-01234-12345-23456\b/);
  assert.match(text, /data-technology="?zwave\b/);
  assert.match(text, /Front door/);
  // The DSK cell, its tags left out, reads the masked DSK whole.
  assert.ok(untagged(text).includes(`${MASKED}S2 Access Control`));
  assert.match(text, /Z-Wave/);
  assert.match(text, /S2 Access Control, S2 Authenticated/);
  assert.match(text, /Node 5/);
  assert.ok(!text.includes(PIN));
  assert.match(text, /data-action="edit"/);
  // Not yet included: no node.
  assert.doesNotMatch(row(zwave(MASKED)), /Node /);
  // A DSK that came unmasked (never expected) is masked before it is shown.
  const unmasked = row(zwave(FULL_DSK, { id: MASKED, dsk: FULL_DSK }));
  assert.ok(!unmasked.includes(PIN), unmasked);
  assert.ok(untagged(unmasked).includes(MASKED));
  assert.equal(maskDsk(FULL_DSK), MASKED);
  assert.equal(shownIdentity({ technology: "zwave", id: MASKED, ieee: null, dsk: null }), MASKED);
});

test("a row Z-Wave JS holds is read-only, marked, and offers Adopt", () => {
  const text = row(zwave(MASKED, { source: "zwave_js", editable: false, adoptable: true, provider_title: "Z-Wave JS" }));
  assert.match(text, /data-source="?zwave_js\b/);
  assert.match(text, /From Z-Wave JS/);
  assert.match(text, /data-action="adopt"/);
  assert.doesNotMatch(text, /data-action="(edit|delete)"/);
  const notAdoptable = row(zwave(MASKED, { source: "zwave_js", editable: false, adoptable: false }));
  assert.doesNotMatch(notAdoptable, /data-action="adopt"/);
  // A Zigbee row keeps its data-ieee and its IEEE address.
  const zigbeeRow = row(zigbee(ZIGBEE));
  assert.match(zigbeeRow, /data-ieee="?00:12:4b:00:00:00:00:01\b/);
  assert.match(zigbeeRow, /Zigbee/);
  assert.doesNotMatch(zigbeeRow, /data-action="adopt"|From Z-Wave JS/);
});

test("commands name entries by id (by IEEE for an older backend); a typed DSK goes with its classes", async () => {
  const sent: Record<string, unknown>[] = [];
  const hass = {
    callWS: async (message: Record<string, unknown>) => {
      sent.push(message);
      return { entry: zwave(MASKED, { source: "list" }) };
    },
  } as unknown as HomeAssistant;
  const api = new ProvisioningApi(hass, "zwave-entry");
  await api.update(entryRef(zwave(MASKED)), { name: "Lock" });
  await api.remove(entryRef(zwave(MASKED)));
  await api.remove(entryRef(legacy(ZIGBEE)));
  const adopted = await api.adopt(MASKED);
  await api.add({ dsk: FULL_DSK, security_classes: ["S2_AccessControl"], name: " Lock ", area_id: "" });
  await api.add({ dsk: FULL_DSK, security_classes: [] });
  assert.deepEqual(sent[0], { type: "provisioning/entries/update", device: MASKED, name: "Lock", config_entry_id: "zwave-entry" });
  assert.deepEqual(sent[1], { type: "provisioning/entries/remove", device: MASKED, config_entry_id: "zwave-entry" });
  assert.deepEqual(sent[2], { type: "provisioning/entries/remove", ieee: ZIGBEE, config_entry_id: "zwave-entry" });
  assert.deepEqual(sent[3], { type: "provisioning/entries/adopt", device: MASKED, config_entry_id: "zwave-entry" });
  assert.equal(adopted?.id, MASKED);
  assert.deepEqual(sent[4], {
    type: "provisioning/entries/add",
    dsk: FULL_DSK,
    security_classes: ["S2_AccessControl"],
    name: "Lock",
    config_entry_id: "zwave-entry",
  });
  assert.deepEqual(sent[5].security_classes, []);
});
