/**
 * The provisioning list as the panel holds it. Rules: entries live in a Map
 * keyed by IEEE; a snapshot replaces it, a diff touches only what changed
 * (O(changed)); the sorted, filtered view is recomputed only when the list,
 * the query, the filter or the sort changed.
 */

import type { Area, Entry, EntryStatus, SubscriptionEvent } from "./types.js";

export type SortColumn = "name" | "ieee" | "area" | "status" | "provider" | "updated";

export interface ViewOptions {
  query: string;
  status: EntryStatus | "";
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
        this.entries.set(entry.ieee, entry);
      }
      this.version++;
      return true;
    }
    if (event.type === "entries") {
      for (const ieee of event.removed) {
        this.entries.delete(ieee);
      }
      for (const entry of event.changed) {
        this.entries.set(entry.ieee, entry);
      }
      this.version++;
      return true;
    }
    return false;
  }

  /** Put one entry the panel got back from a command (add, update). */
  put(entry: Entry): void {
    this.entries.set(entry.ieee, entry);
    this.version++;
  }

  delete(ieee: string): void {
    if (this.entries.delete(ieee)) {
      this.version++;
    }
  }

  has(ieee: string): boolean {
    return this.entries.has(normalizeIeee(ieee));
  }

  view(options: ViewOptions): Entry[] {
    const key = JSON.stringify([
      this.version,
      options.query,
      options.status,
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
      const area = areaName(entry, options.areas);
      if (
        query &&
        !(entry.name ?? "").toLowerCase().includes(query) &&
        !entry.ieee.includes(query) &&
        !entry.ieee.replaceAll(":", "").includes(query.replaceAll(":", "")) &&
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
      return primary !== 0 ? primary * direction : a.entry.ieee < b.entry.ieee ? -1 : 1;
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
    case "ieee":
      return entry.ieee;
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

/** "0011223344556677" or "00-11-…" → "00:11:22:33:44:55:66:77" (lower case). */
export function normalizeIeee(text: string): string {
  const hex = text.trim().toLowerCase().replace(/[^0-9a-f]/g, "");
  if (hex.length !== 16) {
    return text.trim().toLowerCase();
  }
  return hex.match(/../g)!.join(":");
}
