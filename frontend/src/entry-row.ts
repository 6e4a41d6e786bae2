/**
 * One row of the entries table, as a template (no element of its own, so
 * that it can be rendered and checked without a browser). Rules:
 * - a row names its entry by `data-id` (identity.ts), and a Zigbee row also
 *   by `data-ieee`; `data-technology`, `data-status` and `data-source` say
 *   the rest;
 * - a Z-Wave row shows the DSK as the backend masked it (the PIN never), the
 *   security classes by short readable names, and "Node 5" once included;
 * - a row Z-Wave JS holds that the list did not create (`source: "zwave_js"`)
 *   is read-only: "From Z-Wave JS", and "Adopt" when it is adoptable;
 * - actions fire `entry-edit`, `entry-delete`, `entry-adopt` with the entry
 *   and the button; "Open device" navigates itself.
 */

import { html, nothing } from "lit";

import { exactTime } from "./format.js";
import { entryId, securityClassNames, shownIdentity, technologyName, technologyOf } from "./identity.js";
import { areaName } from "./store.js";
import { hasString, type PanelLocalize } from "./strings.js";
import { ICONS } from "./styles.js";
import type { Area, Entry } from "./types.js";
import { fire, icon, navigate } from "./ui.js";

export interface RowContext {
  /** The element the row's events are fired from. */
  host: EventTarget;
  localize: PanelLocalize;
  language: string;
  areas: Record<string, Area> | undefined;
  narrow: boolean;
}

/** A known status reason in words; an unknown one as the backend gave it. */
function reasonText(reason: string, t: PanelLocalize): string {
  const key = `reason_${reason}`;
  return hasString(key) ? t(key) : reason;
}

/** A masked DSK in two lines of four groups at most: it breaks in its middle, never inside a group. */
function dskText(shown: string) {
  const groups = shown.split("-");
  const halves =
    groups.length === 8 ? [`${groups.slice(0, 4).join("-")}-`, groups.slice(4).join("-")] : [shown];
  return halves.map((half) => html`<span class="half">${half}</span>`);
}

/** What the identity column shows: the IEEE address, or the masked DSK with classes and node. */
function identityCell(entry: Entry, t: PanelLocalize) {
  const shown = shownIdentity(entry);
  if (technologyOf(entry) !== "zwave") {
    return html`${shown}`;
  }
  const classes = securityClassNames(entry.security_classes, t);
  return html`<span class="dsk">${dskText(shown)}</span>${classes
      ? html`<span class="sub secondary classes">${classes}</span>`
      : nothing}${entry.node_id != null
      ? html`<span class="sub secondary node">${t("node", { node: entry.node_id })}</span>`
      : nothing}`;
}

export function entryRow(entry: Entry, ctx: RowContext) {
  const t = ctx.localize;
  const name = entry.name || t("unnamed");
  const technology = technologyOf(entry);
  const fromZWaveJs = entry.source === "zwave_js";
  return html`<div
    class="row"
    role="row"
    data-id=${entryId(entry)}
    data-ieee=${entry.ieee ?? nothing}
    data-technology=${technology}
    data-status=${entry.status}
    data-source=${entry.source ?? "list"}
  >
    <div class="cell col-name" role="cell">
      <span class=${entry.name ? "" : "secondary"}>${name}</span>
      ${!ctx.narrow
        ? nothing
        : technology === "zwave"
          ? html`<span class="sub secondary mono dsk">${dskText(shownIdentity(entry))}</span>`
          : html`<span class="sub secondary mono ieee">${shownIdentity(entry)}</span>`}
      ${entry.model ? html`<span class="sub secondary">${entry.model}</span>` : nothing}
    </div>
    <div class="cell col-technology" role="cell">${technologyName(technology, t)}</div>
    <div class="cell col-ieee mono ${technology}" role="cell">${identityCell(entry, t)}</div>
    <div class="cell col-area" role="cell">${areaName(entry, ctx.areas)}</div>
    <div class="cell col-status" role="cell">
      <span class="status status-${entry.status}">${t(`status_${entry.status}`)}</span>
      ${entry.status_reason
        ? html`<span class="sub secondary reason">${reasonText(entry.status_reason, t)}</span>`
        : nothing}
    </div>
    <div class="cell col-provider" role="cell">${entry.provider_title}</div>
    <div class="cell col-updated" role="cell">
      <time datetime=${entry.updated_at} title=${exactTime(entry.updated_at, ctx.language)}
        ><provisioning-relative-time
          .datetime=${entry.updated_at}
          .language=${ctx.language}
        ></provisioning-relative-time
      ></time>
    </div>
    <div class="cell col-actions" role="cell">
      ${entry.device_id
        ? html`<button
            class="icon"
            data-action="open"
            title=${t("open_device")}
            aria-label=${`${t("open_device")}: ${name}`}
            @click=${() => navigate(`/config/devices/device/${entry.device_id}`)}
          >
            ${icon(ICONS.openInNew)}
          </button>`
        : nothing}
      ${entry.editable && !fromZWaveJs
        ? html`<button
              class="icon"
              data-action="edit"
              title=${t("edit")}
              aria-label=${`${t("edit")}: ${name}`}
              @click=${(ev: Event) => fire(ctx.host, "entry-edit", { entry, opener: ev.currentTarget })}
            >
              ${icon(ICONS.pencil)}
            </button>
            <button
              class="icon danger"
              data-action="delete"
              title=${t("delete")}
              aria-label=${`${t("delete")}: ${name}`}
              @click=${(ev: Event) =>
                fire(ctx.host, "entry-delete", { entry, opener: ev.currentTarget })}
            >
              ${icon(ICONS.delete)}
            </button>`
        : fromZWaveJs
          ? html`<span class="managed secondary from-zwave-js">${t("from_zwave_js")}</span>
              ${entry.adoptable !== false
                ? html`<button
                    class="outlined adopt"
                    data-action="adopt"
                    title=${t("adopt_hint")}
                    aria-label=${`${t("adopt")}: ${name}`}
                    @click=${(ev: Event) =>
                      fire(ctx.host, "entry-adopt", { entry, opener: ev.currentTarget })}
                  >
                    ${t("adopt")}
                  </button>`
                : nothing}`
          : html`<span class="managed secondary"
              >${t("managed_by", { title: entry.provider_title })}</span
            >`}
    </div>
  </div>`;
}
