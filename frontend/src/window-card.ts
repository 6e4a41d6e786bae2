/**
 * The header of the panel: the admission window (state, countdown to
 * `ends_at`, keys loaded and waiting, start and stop), the guard switch and,
 * when there are several, the network picker (Zigbee coordinators and Z-Wave
 * networks, each by its title and technology). Rules: it only shows state
 * and fires events (`window-start` with the chosen duration in seconds,
 * `window-stop`, `guard-set`,
 * `coordinator-select`); the panel calls the API. Its one-second countdown
 * re-renders only this element, never the table, and counts with the
 * server's clock (clock.ts), so a browser clock that is off does not shift it.
 */

import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";

import { serverClock } from "./clock.js";
import { clock, secondsLeft } from "./format.js";
import { technologyName, technologyOf } from "./identity.js";
import type { PanelLocalize } from "./strings.js";
import { baseStyles } from "./styles.js";
import type { AdmissionWindow, Coordinator } from "./types.js";
import { defineElement, fire } from "./ui.js";

/** Window lengths offered, in seconds (the API takes 1–3600). */
const DURATIONS = [60, 180, 300, 600, 1800, 3600];

export class ProvisioningWindowCard extends LitElement {
  @property({ attribute: false }) window?: AdmissionWindow;
  @property({ attribute: false }) coordinators: Coordinator[] = [];
  @property({ attribute: false }) coordinator?: string;
  @property({ attribute: false }) localize!: PanelLocalize;
  @property({ type: Boolean }) busy = false;
  @state() private now = serverClock.now();
  /** Seconds the next window stays open (the API's default, 180, at first). */
  @state() private duration = 180;
  private timer: number | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncTimer();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("window")) {
      this.syncTimer();
    }
  }

  private syncTimer(): void {
    const counting = Boolean(this.window?.open && this.window.ends_at) && this.isConnected;
    if (counting && this.timer === undefined) {
      this.now = serverClock.now();
      this.timer = window.setInterval(() => {
        this.now = serverClock.now();
      }, 1000);
    } else if (!counting) {
      this.stopTimer();
    }
  }

  private stopTimer(): void {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  protected override render() {
    const t = this.localize;
    const w = this.window;
    const stateName = !w ? "closed" : w.continuous ? "continuous" : w.open ? "open" : "closed";
    // `now` ticks the re-render; the time itself is read fresh.
    const left = w?.open ? secondsLeft(w.ends_at, Math.max(this.now, serverClock.now())) : null;
    return html`
      <section class="card" aria-label=${t("admit")}>
        <div class="row">
          <div class="window" data-state=${stateName}>
            <span class="dot" aria-hidden="true"></span>
            <span id="window-state">${t("window_state", { state: t(`window_${stateName}`) })}</span>
            ${left !== null
              ? html`<span id="window-countdown" class="countdown mono" role="timer"
                  >${t("window_remaining", { time: clock(left) })}</span
                >`
              : nothing}
          </div>
          <div class="actions">
            ${w?.open && !w.continuous
              ? html`<button
                  id="window-stop"
                  class="outlined danger"
                  ?disabled=${this.busy}
                  @click=${() => fire(this, "window-stop")}
                >
                  ${t("stop")}
                </button>`
              : nothing}
            <select
              id="window-duration"
              aria-label=${t("duration")}
              title=${t("duration")}
              ?disabled=${this.busy || !w || w.continuous}
              @change=${(ev: Event) => {
                this.duration = Number((ev.target as HTMLSelectElement).value);
              }}
            >
              ${DURATIONS.map(
                (seconds) =>
                  html`<option value=${seconds} ?selected=${seconds === this.duration}>
                    ${t("minutes", { count: seconds / 60 })}
                  </option>`,
              )}
            </select>
            <button
              id="window-start"
              class="primary"
              ?disabled=${this.busy || !w || w.continuous}
              @click=${() => fire(this, "window-start", this.duration)}
            >
              ${t("admit")}
            </button>
          </div>
        </div>
        <div class="row details secondary">
          <span id="keys-loaded">${t("keys_loaded", { count: w?.keys_loaded ?? 0 })}</span>
          <span id="keys-waiting" class=${w?.waiting ? "warn" : ""}
            >${t("keys_waiting", { count: w?.waiting ?? 0 })}</span
          >
          ${w?.install_code_only ? html`<span>${t("install_code_only")}</span>` : nothing}
        </div>
        <div class="row">
          <label class="switch">
            <input
              id="guard"
              type="checkbox"
              role="switch"
              .checked=${w?.guard ?? false}
              ?disabled=${this.busy || !w}
              @change=${(ev: Event) =>
                fire(this, "guard-set", (ev.target as HTMLInputElement).checked)}
            />
            <span class="track" aria-hidden="true"></span>
            <span>${t("guard")}</span>
          </label>
          ${this.coordinators.length > 1
            ? html`<label class="coordinator">
                <span>${t("coordinator")}</span>
                <select
                  id="coordinator"
                  @change=${(ev: Event) =>
                    fire(this, "coordinator-select", (ev.target as HTMLSelectElement).value)}
                >
                  ${this.coordinators.map(
                    (c) =>
                      html`<option
                        value=${c.config_entry_id}
                        ?selected=${c.config_entry_id === this.coordinator}
                        data-technology=${technologyOf(c)}
                      >
                        ${c.title} (${technologyName(technologyOf(c), t)})
                      </option>`,
                  )}
                </select>
              </label>`
            : nothing}
        </div>
      </section>
    `;
  }

  static override styles = [
    baseStyles,
    css`
      .card {
        background: var(--card-background-color, var(--ha-card-background, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
        padding: 12px 16px;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      .details {
        justify-content: flex-start;
        font-size: 0.9rem;
      }
      .warn {
        color: var(--warning-color, #ffa600);
      }
      .window {
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 1.05rem;
      }
      .dot {
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--disabled-text-color, #bdbdbd);
      }
      [data-state="open"] .dot {
        background: var(--success-color, #43a047);
      }
      [data-state="continuous"] .dot {
        background: var(--warning-color, #ffa600);
      }
      .countdown {
        color: var(--secondary-text-color, #727272);
      }
      .actions {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      #window-duration {
        width: auto;
        min-height: 36px;
        padding: 4px 8px;
      }
      .switch {
        display: inline-flex;
        align-items: center;
        gap: 12px;
        cursor: pointer;
        position: relative;
      }
      .switch input {
        position: absolute;
        opacity: 0;
        width: 36px;
        height: 20px;
        margin: 0;
        cursor: pointer;
        z-index: 1;
      }
      .track {
        width: 36px;
        height: 14px;
        border-radius: 7px;
        background: var(--switch-unchecked-track-color, #8a8a8a);
        position: relative;
        flex: none;
      }
      .track::after {
        content: "";
        position: absolute;
        top: -3px;
        left: -2px;
        width: 20px;
        height: 20px;
        border-radius: 50%;
        background: var(--switch-unchecked-button-color, #fafafa);
        box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);
        transition: transform 0.15s;
      }
      .switch input:checked + .track {
        background: color-mix(in srgb, var(--switch-checked-color, var(--primary-color, #03a9f4)) 50%, transparent);
      }
      .switch input:checked + .track::after {
        transform: translateX(18px);
        background: var(--switch-checked-button-color, var(--primary-color, #03a9f4));
      }
      .switch input:focus-visible + .track {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: 4px;
      }
      .coordinator {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        max-width: 100%;
      }
      .coordinator select {
        width: auto;
        min-width: 0;
        max-width: 100%;
        text-overflow: ellipsis;
      }
    `,
  ];
}

defineElement("provisioning-window-card", ProvisioningWindowCard);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-window-card": ProvisioningWindowCard;
  }
}
