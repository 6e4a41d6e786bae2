/**
 * The provisioning list as the panel holds it. Rules: entries live in a Map
 * keyed by their `id` (identity.ts: the IEEE address or the masked DSK; the
 * IEEE address when an older backend sends no `id`), and a diff's `removed`
 * names ids; a snapshot replaces it, a diff touches only what changed
 * (O(changed)); the sorted, filtered view is recomputed only when the list,
 * the query, the filters or the sort changed.
 */

import { entryId, shownIdentity, technologyOf } from "./identity.js";
import type { Area, Entry, EntryStatus, SubscriptionEvent, Technology } from "./types.js";

export type SortColumn = "name" | "technology" | "ieee" | "area" | "status" | "provider" | "updated";

export interface ViewOptions {
  query: string;
  status: EntryStatus | "";
  /** Only this technology's entries ("" or absent: all). */
  technology?: Technology | "";
  sort: SortColumn;
  descending: boolean;
  areas: Record<string, Area> | undefined;
}

const STATUS_ORDER: Record<EntryStatus, number> = {
  failed: 0,
  admitting: 1,
  pending: 2,
  joined: 3,
  revoked: 4,
};

/** The area name of an entry: Home Assistant's area name, else the provider's raw area. */
export function areaName(entry: Entry, areas: Record<string, Area> | undefined): string {
  if (entry.area_id && areas?.[entry.area_id]) {
    return areas[entry.area_id].name;
  }
  return entry.area ?? "";
}

export class EntryStore {
  readonly entries = new Map<string, Entry>();
  /** Bumped on every change, so views know when to recompute. */
  version = 0;
  private viewKey = "";
  private viewCache: Entry[] = [];
  private viewAreas: Record<string, Area> | undefined;

  /** Apply a subscription event; returns true when the entries changed. */
  apply(event: SubscriptionEvent): boolean {
    if (event.type === "snapshot") {
      this.entries.clear();
      for (const entry of event.entries) {
        this.entries.set(entryId(entry), entry);
      }
      this.version++;
      return true;
    }
    if (event.type === "entries") {
      for (const id of event.removed) {
        this.entries.delete(id);
      }
      for (const entry of event.changed) {
        this.entries.set(entryId(entry), entry);
      }
      this.version++;
      return true;
    }
    return false;
  }

  /** Put one entry the panel got back from a command (add, update). */
  put(entry: Entry): void {
    this.entries.set(entryId(entry), entry);
    this.version++;
  }

  delete(id: string): void {
    if (this.entries.delete(id)) {
      this.version++;
    }
  }

  /** Whether an entry has this id (an IEEE address in any spelling, or a masked DSK). */
  has(id: string): boolean {
    return this.entries.has(id) || this.entries.has(normalizeIeee(id));
  }

  view(options: ViewOptions): Entry[] {
    const key = JSON.stringify([
      this.version,
      options.query,
      options.status,
      options.technology ?? "",
      options.sort,
      options.descending,
    ]);
    if (key === this.viewKey && options.areas === this.viewAreas) {
      return this.viewCache;
    }
    const query = options.query.trim().toLowerCase();
    const rows: { entry: Entry; sortKey: string | number }[] = [];
    for (const entry of this.entries.values()) {
      if (options.status && entry.status !== options.status) {
        continue;
      }
      if (options.technology && technologyOf(entry) !== options.technology) {
        continue;
      }
      const area = areaName(entry, options.areas);
      if (
        query &&
        !(entry.name ?? "").toLowerCase().includes(query) &&
        !identityMatches(entry, query) &&
        !area.toLowerCase().includes(query)
      ) {
        continue;
      }
      rows.push({ entry, sortKey: sortKey(entry, options.sort, area) });
    }
    const direction = options.descending ? -1 : 1;
    rows.sort((a, b) => {
      // Empty values (no name, no area) come last in either direction.
      if ((a.sortKey === "") !== (b.sortKey === "")) {
        return a.sortKey === "" ? 1 : -1;
      }
      const primary =
        typeof a.sortKey === "number" && typeof b.sortKey === "number"
          ? a.sortKey - b.sortKey
          : collator.compare(String(a.sortKey), String(b.sortKey));
      return primary !== 0 ? primary * direction : entryId(a.entry) < entryId(b.entry) ? -1 : 1;
    });
    this.viewKey = key;
    this.viewAreas = options.areas;
    this.viewCache = rows.map((row) => row.entry);
    return this.viewCache;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function sortKey(entry: Entry, column: SortColumn, area: string): string | number {
  switch (column) {
    case "name":
      return entry.name ?? "";
    case "technology":
      return technologyOf(entry);
    case "ieee":
      return shownIdentity(entry);
    case "area":
      return area;
    case "status":
      return STATUS_ORDER[entry.status] ?? 9;
    case "provider":
      return entry.provider_title;
    case "updated":
      return Date.parse(entry.updated_at) || 0;
  }
}

/** Whether the IEEE address (with or without colons) or the masked DSK (with or without dashes) holds `query`. */
function identityMatches(entry: Entry, query: string): boolean {
  const shown = shownIdentity(entry).toLowerCase();
  if (shown.includes(query)) {
    return true;
  }
  const bare = query.replace(/[:\-\s]/g, "");
  return bare !== "" && shown.replace(/[:\-]/g, "").includes(bare);
}

/** "0011223344556677" or "00-11-…" → "00:11:22:33:44:55:66:77" (lower case). */
export function normalizeIeee(text: string): string {
  const hex = text.trim().toLowerCase().replace(/[^0-9a-f]/g, "");
  if (hex.length !== 16) {
    return text.trim().toLowerCase();
  }
  return hex.match(/../g)!.join(":");
}
