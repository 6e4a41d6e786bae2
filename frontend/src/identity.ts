/**
 * Who an entry is, across technologies. Rules:
 * - an entry, a parsed label or a removal is known by its `id` (the IEEE
 *   address of a Zigbee device, the masked DSK `xxxxx-23456-…` of a Z-Wave
 *   one); an older backend sends no `id`, and then the IEEE address is it;
 *   no `technology` means Zigbee;
 * - the panel never builds or shows a Z-Wave PIN (the DSK's first group): it
 *   shows the DSK as the backend masked it, and masks the first group itself
 *   should a DSK ever come unmasked;
 * - a typed DSK is checked as the backend checks it (eight groups of five
 *   digits separated by `-` or white space, or 40 digits; each group at most
 *   65535), so that a typing error is told before anything is sent; the
 *   typed text is sent once and never kept.
 */

import { hasString, type PanelLocalize } from "./strings.js";
import type { Coordinator, Entry, ParsedCode, SecurityClass, Technology } from "./types.js";

export const DSK_MASK = "xxxxx";
export const DSK_GROUPS = 8;
/** The hint shown with the DSK field. */
export const DSK_HINT = "12345-12345-12345-12345-12345-12345-12345-12345";
/** Checked by default in the DSK form: the three S2 classes. */
export const DEFAULT_CLASSES: readonly SecurityClass[] = [
  "S2_AccessControl",
  "S2_Authenticated",
  "S2_Unauthenticated",
];

/** The technology of an entry, a label or a network ("zigbee" when not said). */
export function technologyOf(item: Pick<Entry | ParsedCode | Coordinator, "technology">): Technology {
  return item.technology === "zwave" ? "zwave" : "zigbee";
}

/** The key of an entry in the panel: its `id`, else (an older backend) its IEEE address. */
export function entryId(item: Pick<Entry | ParsedCode, "id" | "ieee">): string {
  return item.id ?? item.ieee ?? "";
}

/** A DSK with its first group (the PIN) masked, whatever the backend sent. */
export function maskDsk(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith(DSK_MASK)) {
    return trimmed;
  }
  // Never expected: the backend masks. Should digits come, they are not shown.
  return trimmed.replace(/^[0-9]{1,5}/, DSK_MASK);
}

/** What identifies an entry or a label to a person: the IEEE address, or the masked DSK. */
export function shownIdentity(item: Pick<Entry | ParsedCode, "technology" | "id" | "ieee" | "dsk">): string {
  if (technologyOf(item) === "zwave") {
    return maskDsk(item.dsk ?? item.id ?? "");
  }
  return item.ieee ?? item.id ?? "";
}

/** "S2_AccessControl" → "S2 Access Control"; an unknown name as it came. */
export function securityClassName(name: string, t: PanelLocalize): string {
  const key = `class_${name}`;
  return hasString(key) ? t(key) : name;
}

export function securityClassNames(names: readonly string[] | null | undefined, t: PanelLocalize): string {
  return (names ?? []).map((name) => securityClassName(name, t)).join(", ");
}

export function protocolName(protocol: string | null | undefined, t: PanelLocalize): string {
  if (!protocol) {
    return "";
  }
  const key = `protocol_${protocol}`;
  return hasString(key) ? t(key) : protocol;
}

/** A label's format in words when the panel knows it ("smartstart"), else as the backend gave it. */
export function formatName(format: string, t: PanelLocalize): string {
  const key = `format_${format}`;
  return hasString(key) ? t(key) : format;
}

export function technologyName(technology: Technology, t: PanelLocalize): string {
  return t(technology === "zwave" ? "tech_zwave" : "tech_zigbee");
}

export type DskCheck =
  | { ok: true; dsk: string }
  | { ok: false; error: "dsk_format" }
  | { ok: false; error: "dsk_group"; group: number };

const GROUPED = /^[0-9]{5}(?:(?:[ \t]*-[ \t]*|\s+)[0-9]{5}){7}$/;
const JOINED = /^[0-9]{40}$/;
const MAX_TYPED = 200;

/**
 * Check a typed DSK as the backend does; on success, its canonical form
 * (eight groups of five digits joined by `-`), to be sent and then forgotten.
 */
export function checkDsk(text: string): DskCheck {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TYPED || !(GROUPED.test(trimmed) || JOINED.test(trimmed))) {
    return { ok: false, error: "dsk_format" };
  }
  const digits = trimmed.replace(/[^0-9]/g, "");
  const groups = digits.match(/[0-9]{5}/g) ?? [];
  for (const [index, group] of groups.entries()) {
    if (Number(group) > 0xffff) {
      return { ok: false, error: "dsk_group", group: index + 1 };
    }
  }
  return { ok: true, dsk: groups.join("-") };
}
