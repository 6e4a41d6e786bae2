/**
 * Form pieces shared by the dialogs: the area picker built from `hass.areas`
 * and the masked secret input (install codes, link keys, QR text), whose value
 * is never rendered as text, only into the input.
 */

import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ifDefined } from "lit/directives/if-defined.js";

import type { PanelLocalize } from "./strings.js";
import { ICONS, baseStyles } from "./styles.js";
import type { Area } from "./types.js";
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

/** A password-like input with a show/hide button; fires `value-changed`. */
export class ProvisioningSecretInput extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  @property() label = "";
  @property() value = "";
  @property() error = "";
  @property() name = "";
  @property() autocomplete = "off";
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
            aria-describedby=${ifDefined(this.error ? "error" : undefined)}
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
    `,
  ];
}

defineElement("provisioning-secret-input", ProvisioningSecretInput);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-secret-input": ProvisioningSecretInput;
  }
}
