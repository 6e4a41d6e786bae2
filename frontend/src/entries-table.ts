/**
 * The provisioning list as a table: search (name, IEEE, DSK or area), status
 * and technology filters, sortable columns and row actions (entry-row.ts).
 * Rules: rows are keyed by the entry's id (`repeat`, identity.ts),
 * so a diff re-renders only the rows whose entry changed; rows off screen are
 * skipped by the browser (`content-visibility`), so 1,000 rows render fast;
 * the relative times keep themselves current (relative-time.ts), so time
 * passing never re-renders the table. Actions fire `entry-edit`,
 * `entry-delete`, `entry-adopt` with the entry; "Open device" navigates itself.
 */

import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";

import { entryRow } from "./entry-row.js";
import { entryId, technologyName } from "./identity.js";
import "./relative-time.js";
import type { EntryStore, SortColumn } from "./store.js";
import type { PanelLocalize, StringKey } from "./strings.js";
import { ICONS, baseStyles } from "./styles.js";
import { STATUSES, TECHNOLOGIES, type Area, type EntryStatus, type Technology } from "./types.js";
import { defineElement, icon } from "./ui.js";

const COLUMNS: [SortColumn, StringKey][] = [
  ["name", "col_name"],
  ["technology", "col_technology"],
  ["ieee", "col_ieee"],
  ["area", "col_area"],
  ["status", "col_status"],
  ["provider", "col_provider"],
  ["updated", "col_updated"],
];

export class ProvisioningEntriesTable extends LitElement {
  @property({ attribute: false }) store!: EntryStore;
  /** The store's version: a new value re-renders the table. */
  @property({ type: Number }) version = 0;
  @property({ attribute: false }) areas?: Record<string, Area>;
  @property() language = "en";
  @property({ attribute: false }) localize!: PanelLocalize;
  @property({ type: Boolean, reflect: true }) narrow = false;
  @state() private query = "";
  @state() private status: EntryStatus | "" = "";
  @state() private technology: Technology | "" = "";
  @state() private sort: SortColumn = "name";
  @state() private descending = false;

  private setSort(column: SortColumn): void {
    if (this.sort === column) {
      this.descending = !this.descending;
    } else {
      this.sort = column;
      this.descending = column === "updated";
    }
  }

  protected override render() {
    const t = this.localize;
    const rows = this.store.view({
      query: this.query,
      status: this.status,
      technology: this.technology,
      sort: this.sort,
      descending: this.descending,
      areas: this.areas,
    });
    const total = this.store.entries.size;
    return html`
      <div class="toolbar">
        <input
          id="search"
          type="search"
          aria-label=${t("search")}
          placeholder=${t("search")}
          .value=${this.query}
          @input=${(ev: Event) => {
            this.query = (ev.target as HTMLInputElement).value;
          }}
        />
        <div class="chips" role="group" aria-label=${t("filter_status")}>
          ${(["", ...STATUSES] as (EntryStatus | "")[]).map(
            (status) => html`<button
              class="chip"
              data-filter=${status || "all"}
              aria-pressed=${this.status === status ? "true" : "false"}
              @click=${() => {
                this.status = status;
              }}
            >
              ${status ? t(`status_${status}`) : t("filter_all")}
            </button>`,
          )}
        </div>
        <div class="chips" role="group" aria-label=${t("filter_technology")}>
          ${(["", ...TECHNOLOGIES] as (Technology | "")[]).map(
            (technology) => html`<button
              class="chip"
              data-technology-filter=${technology || "all"}
              aria-pressed=${this.technology === technology ? "true" : "false"}
              @click=${() => {
                this.technology = technology;
              }}
            >
              ${technology ? technologyName(technology, t) : t("filter_all_technologies")}
            </button>`,
          )}
        </div>
        <span id="count" class="secondary" aria-live="polite"
          >${t("count", { shown: rows.length, total })}</span
        >
      </div>
      <div class="table" role="table" aria-label=${t("title")} aria-rowcount=${rows.length + 1}>
        <div class="row head" role="row">
          ${COLUMNS.map(([column, label]) => {
            const sorted = this.sort === column;
            return html`<div
              class="cell col-${column}"
              role="columnheader"
              aria-sort=${sorted ? (this.descending ? "descending" : "ascending") : "none"}
            >
              <button
                class="sort"
                data-sort=${column}
                title=${t("sort_by", { column: t(label) })}
                @click=${() => this.setSort(column)}
              >
                ${t(label)}
                ${sorted ? icon(this.descending ? ICONS.sortDesc : ICONS.sortAsc) : nothing}
              </button>
            </div>`;
          })}
          <div class="cell col-actions" role="columnheader">
            <span class="visually-hidden">${t("col_actions")}</span>
          </div>
        </div>
        ${rows.length === 0
          ? html`<div class="empty secondary" id="empty">
              ${total === 0 ? t("no_entries") : t("no_match")}
            </div>`
          : repeat(
              rows,
              (entry) => entryId(entry),
              (entry) =>
                entryRow(entry, {
                  host: this,
                  localize: t,
                  language: this.language,
                  areas: this.areas,
                  narrow: this.narrow,
                }),
            )}
      </div>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 16px;
        margin-bottom: 8px;
      }
      #search {
        flex: 1 1 240px;
        max-width: 420px;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .chip {
        min-height: 32px;
        border-radius: 8px;
        border: 1px solid var(--divider-color, #e0e0e0);
        color: var(--primary-text-color, #212121);
        padding: 0 12px;
      }
      .chip[aria-pressed="true"] {
        background: color-mix(in srgb, var(--primary-color, #03a9f4) 20%, transparent);
        border-color: transparent;
      }
      .table {
        background: var(--card-background-color, var(--ha-card-background, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
        overflow: hidden;
      }
      .row {
        display: grid;
        grid-template-columns:
          minmax(110px, 2fr) 104px minmax(216px, 1.5fr) minmax(80px, 1fr) minmax(100px, 1fr)
          minmax(72px, 1fr) 120px 132px;
        align-items: center;
        min-height: 52px;
        border-top: 1px solid var(--divider-color, #e0e0e0);
        content-visibility: auto;
        contain-intrinsic-size: auto 53px;
      }
      .row.head {
        border-top: none;
        min-height: 48px;
        content-visibility: visible;
        font-weight: 500;
        position: sticky;
        top: 0;
      }
      .cell {
        padding: 4px 8px;
        min-width: 0;
        overflow-wrap: anywhere;
        display: flex;
        flex-direction: column;
      }
      .row:not(.head) .col-ieee {
        white-space: nowrap;
        font-size: 0.875rem;
      }
      /* A masked DSK wraps between its groups; its classes and node are in the body font. */
      .row:not(.head) .col-ieee.zwave {
        white-space: normal;
        overflow-wrap: normal;
      }
      .col-ieee .half,
      .sub.dsk .half {
        display: inline-block;
        white-space: nowrap;
      }
      .col-ieee .sub {
        font-family: var(--ha-font-family-body, Roboto, "Noto Sans", sans-serif);
      }
      .col-actions .adopt {
        min-height: 32px;
        padding: 0 12px;
        white-space: nowrap;
      }
      /* "From Z-Wave JS" over its Adopt button when they do not fit side by side. */
      .row:not(.head) .col-actions {
        flex-wrap: wrap;
        gap: 4px 0;
      }
      .col-actions {
        flex-direction: row;
        justify-content: flex-end;
        align-items: center;
      }
      .sort {
        color: var(--primary-text-color, #212121);
        padding: 0 4px;
        /* The heading's text lines up with the cells' text below it. */
        margin-inline-start: -4px;
        min-height: 32px;
        border-radius: 4px;
        display: inline-flex;
        align-items: center;
        gap: 2px;
        text-align: start;
      }
      .sort svg {
        width: 18px;
        height: 18px;
        fill: currentColor;
      }
      .sub {
        font-size: 0.8rem;
      }
      .sub.ieee {
        font-size: 0.75rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .managed {
        font-size: 0.8rem;
        text-align: end;
      }
      .from-zwave-js {
        margin-inline-end: 8px;
        white-space: nowrap;
      }
      .status {
        font-weight: 500;
      }
      .status-joined {
        color: var(--success-color, #43a047);
      }
      .status-failed {
        color: var(--error-color, #db4437);
      }
      .status-admitting {
        color: var(--info-color, #039be5);
      }
      .status-revoked {
        color: var(--secondary-text-color, #727272);
      }
      .empty {
        padding: 32px 16px;
        text-align: center;
        border-top: 1px solid var(--divider-color, #e0e0e0);
      }
      /* On a phone the filter is one row that scrolls sideways, as Home Assistant's chips do. */
      :host([narrow]) .chips {
        flex-wrap: nowrap;
        overflow-x: auto;
        max-width: 100%;
        scrollbar-width: none;
      }
      :host([narrow]) .chip {
        flex: none;
      }
      :host([narrow]) .row {
        grid-template-columns: minmax(120px, 1fr) auto auto;
      }
      :host([narrow]) .managed {
        max-width: 110px;
      }
      :host([narrow]) .col-technology,
      :host([narrow]) .col-ieee,
      :host([narrow]) .col-area,
      :host([narrow]) .col-provider,
      :host([narrow]) .col-updated {
        display: none;
      }
    `,
  ];
}

defineElement("provisioning-entries-table", ProvisioningEntriesTable);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-entries-table": ProvisioningEntriesTable;
  }
}
