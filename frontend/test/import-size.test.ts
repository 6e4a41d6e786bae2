// Unit tests of the CSV size check (no DOM): the import command's size as
// Home Assistant's websocket reads it, against its 4 MiB limit.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_MESSAGE_BYTES, ProvisioningApi, messageBytes } from "../src/api.ts";
import { fileSize } from "../src/format.ts";
import { panelLocalize } from "../src/strings.ts";
import type { HomeAssistant } from "../src/types.ts";

const sent: Record<string, unknown>[] = [];
const hass = {
  callWS: async (message: Record<string, unknown>) => {
    sent.push(message);
    return { added: 0, errors: [] };
  },
} as unknown as HomeAssistant;

test("the limit is aiohttp's default max_msg_size, which Home Assistant keeps: 4 MiB", () => {
  assert.equal(MAX_MESSAGE_BYTES, 4_194_304);
});

test("a message's size is its UTF-8 JSON with the id, as the connection sends it", () => {
  const message = { type: "provisioning/entries/import", csv: "ieee,link_key\n" };
  const json = JSON.stringify({ ...message, id: 1 });
  assert.ok(messageBytes(message) >= json.length);
  assert.ok(messageBytes(message) <= json.length + 20);
  // Non-ASCII text counts in bytes, not characters.
  assert.equal(messageBytes({ csv: "é" }) - messageBytes({ csv: "e" }), 1);
  // A newline or a quote is two bytes in JSON.
  assert.equal(messageBytes({ csv: '\n"' }) - messageBytes({ csv: "ab" }), 2);
});

test("the import command's size includes its type and the coordinator", () => {
  const plain = new ProvisioningApi(hass, undefined);
  const chosen = new ProvisioningApi(hass, "0123456789abcdef");
  const csv = "ieee,install_code\n00:11:22:33:44:55:66:77,83FED3407A939723A5C639B26916D505C3B5\n";
  assert.equal(
    plain.importBytes(csv),
    messageBytes({ type: "provisioning/entries/import", csv }),
  );
  assert.ok(chosen.importBytes(csv) > plain.importBytes(csv) + 16);
});

test("a file under 4 MiB on disk can still be too large to send; one just under fits", () => {
  const api = new ProvisioningApi(hass, undefined);
  const overhead = api.importBytes("");
  const fits = "a".repeat(MAX_MESSAGE_BYTES - overhead);
  assert.equal(api.importBytes(fits), MAX_MESSAGE_BYTES);
  // 3 MiB of quoted fields: each quote doubles in JSON.
  const quoted = '"'.repeat(3 * 1024 * 1024);
  assert.ok(new TextEncoder().encode(quoted).length < MAX_MESSAGE_BYTES);
  assert.ok(api.importBytes(quoted) > MAX_MESSAGE_BYTES);
  assert.equal(sent.length, 0, "measuring sends nothing");
});

test("sizes and the error read as a person expects", () => {
  assert.equal(fileSize(MAX_MESSAGE_BYTES, "en"), "4 MiB");
  assert.equal(fileSize(MAX_MESSAGE_BYTES + 1, "en"), "4 MiB");
  assert.equal(fileSize(5 * 1024 * 1024 + 300_000, "en"), "5.2 MiB");
  assert.equal(fileSize(2048, "en"), "2 KiB");
  assert.equal(fileSize(512, "en"), "512 B");
  assert.equal(fileSize(5 * 1024 * 1024 + 300_000, "de"), "5,2 MiB");
  const t = panelLocalize("en");
  assert.equal(
    t("import_too_large", { file: "big.csv", size: "5.2 MiB", limit: "4 MiB" }),
    "big.csv is too large to send (5.2 MiB): Home Assistant takes at most 4 MiB in one message. Split it into smaller files.",
  );
});
