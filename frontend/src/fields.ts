/**
 * Form pieces shared by the dialogs: the area picker and the masked secret
 * input (install codes, link keys, QR text), whose value is never rendered as
 * text, only into the input. Rules: the area picker is Home Assistant's own
 * `ha-area-picker` (search, "Add new area") when the page has it or can load
 * it, else a native `<select>` of `hass.areas`; either way it fires
 * `area-changed` with the area id ("" for none).
 */

import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ifDefined } from "lit/directives/if-defined.js";

import type { PanelLocalize } from "./strings.js";
import { ICONS, baseStyles } from "./styles.js";
import type { Area, HomeAssistant } from "./types.js";
import { defineElement, icon } from "./ui.js";

/** Options of an area <select>, sorted by name, with "No area" first. */
export function areaOptions(
  areas: Record<string, Area> | undefined,
  selected: string | null | undefined,
  localize: PanelLocalize,
) {
  const sorted = Object.values(areas ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  return html`<option value="" ?selected=${!selected}>${localize("no_area")}</option>
    ${sorted.map(
      (area) =>
        html`<option value=${area.area_id} ?selected=${area.area_id === selected}>
          ${area.name}
        </option>`,
    )}`;
}

const HA_AREA_PICKER = "ha-area-picker";
/** How long to wait for Home Assistant's picker to load before keeping the fallback. */
const LOAD_TIMEOUT_MS = 10_000;
let areaPickerLoad: Promise<boolean> | undefined;

/**
 * Make sure `ha-area-picker` is defined. Home Assistant loads its pickers
 * lazily; an `ha-selector` for an area imports the area selector, which
 * imports the picker. Resolves false when that is not possible (no
 * `ha-selector`, e.g. in an iframe) or takes too long.
 */
export function loadAreaPicker(host: ParentNode, hass: HomeAssistant): Promise<boolean> {
  if (customElements.get(HA_AREA_PICKER)) {
    return Promise.resolve(true);
  }
  areaPickerLoad ??= (async () => {
    if (!customElements.get("ha-selector")) {
      return false;
    }
    const selector = document.createElement("ha-selector") as HTMLElement & {
      hass?: HomeAssistant;
      selector?: unknown;
    };
    selector.hass = hass;
    selector.selector = { area: {} };
    selector.hidden = true;
    host.append(selector);
    let timer: number | undefined;
    try {
      return await Promise.race([
        customElements.whenDefined(HA_AREA_PICKER).then(() => true),
        new Promise<boolean>((resolve) => {
          timer = window.setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
        }),
      ]);
    } finally {
      window.clearTimeout(timer);
      selector.remove();
    }
  })()
    .catch(() => false)
    .then((loaded) => {
      if (!loaded) {
        // Home Assistant may load it later (another page): try again next time.
        areaPickerLoad = undefined;
      }
      return loaded;
    });
  return areaPickerLoad;
}

/**
 * The area of a device: Home Assistant's `ha-area-picker` (`data-picker="ha"`)
 * or, without it, a `<select id="select">` (`data-picker="native"`).
 * Fires `area-changed` (detail: the area id, "" for none).
 */
export class ProvisioningAreaPicker extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) localize!: PanelLocalize;
  @property() value = "";
  @property({ reflect: true, attribute: "data-picker" }) picker: "ha" | "native" =
    customElements.get(HA_AREA_PICKER) ? "ha" : "native";

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.picker === "native" && this.hass) {
      void loadAreaPicker(this.renderRoot, this.hass).then((loaded) => {
        if (loaded) {
          this.picker = "ha";
        }
      });
    }
  }

  private set(value: string): void {
    this.value = value;
    this.dispatchEvent(new CustomEvent("area-changed", { detail: value }));
  }

  protected override render() {
    const t = this.localize;
    if (this.picker === "ha") {
      return html`<ha-area-picker
        .hass=${this.hass}
        .label=${t("area")}
        .value=${this.value || undefined}
        @value-changed=${(ev: CustomEvent<{ value?: string }>) => {
          ev.stopPropagation();
          this.set(ev.detail.value ?? "");
        }}
      ></ha-area-picker>`;
    }
    return html`<label class="field"
      >${t("area")}
      <select
        id="select"
        name="area_id"
        @change=${(ev: Event) => this.set((ev.target as HTMLSelectElement).value)}
      >
        ${areaOptions(this.hass.areas, this.value, t)}
      </select>
    </label>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ha-area-picker {
        display: block;
        width: 100%;
      }
    `,
  ];
}

/** A password-like input with a show/hide button; fires `value-changed`. */
export class ProvisioningSecretInput extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  @property() label = "";
  @property() value = "";
  @property() error = "";
  @property() name = "";
  @property() autocomplete = "off";
  @property() placeholder = "";
  /** Text under the field (e.g. the expected format), read with it. */
  @property() hint = "";
  @property({ attribute: false }) localize!: PanelLocalize;
  @state() private shown = false;

  protected override render() {
    const t = this.localize;
    return html`<label class="field">
        <span>${this.label}</span>
        <span class="wrap">
          <input
            id="input"
            name=${this.name}
            type=${this.shown ? "text" : "password"}
            autocomplete=${this.autocomplete}
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=${this.error ? "true" : "false"}
            placeholder=${ifDefined(this.placeholder || undefined)}
            aria-describedby=${ifDefined(
              [this.error ? "error" : "", this.hint ? "hint" : ""].filter(Boolean).join(" ") || undefined,
            )}
            .value=${this.value}
            @input=${(ev: Event) => {
              this.value = (ev.target as HTMLInputElement).value;
              this.dispatchEvent(new CustomEvent("value-changed", { detail: this.value }));
            }}
          />
          <button
            type="button"
            class="icon"
            aria-pressed=${this.shown ? "true" : "false"}
            aria-label=${this.shown ? t("hide_secret") : t("show_secret")}
            title=${this.shown ? t("hide_secret") : t("show_secret")}
            @click=${() => {
              this.shown = !this.shown;
            }}
          >
            ${icon(this.shown ? ICONS.eyeOff : ICONS.eye)}
          </button>
        </span>
      </label>
      ${this.hint ? html`<div id="hint" class="hint secondary">${this.hint}</div>` : nothing}
      ${this.error
        ? html`<div id="error" class="field-error" role="alert">${this.error}</div>`
        : nothing}`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .wrap input {
        flex: 1;
      }
      button.icon {
        color: var(--secondary-text-color, #727272);
      }
      .hint {
        font-size: 0.85rem;
        margin-top: 4px;
      }
    `,
  ];
}

defineElement("provisioning-secret-input", ProvisioningSecretInput);
defineElement("provisioning-area-picker", ProvisioningAreaPicker);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-secret-input": ProvisioningSecretInput;
    "provisioning-area-picker": ProvisioningAreaPicker;
  }
}
