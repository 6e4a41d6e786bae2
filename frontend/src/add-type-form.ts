/**
 * The Type way of the Add dialog: the text of a QR code, or an IEEE address
 * with an install code or a link key (both masked), and a name and an area.
 * Rules: a failed add keeps everything typed and puts the translated error on
 * the field at fault (the error's `translation_placeholders.field`), focused,
 * else at the top; a success clears the code and the key for the next device.
 * It fires `entry-added` (the entry) and `add-message` (a status for the
 * dialog's live region, or undefined to clear it).
 */

import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";

import { errorField, errorMessage, type AddFields, type ProvisioningApi } from "./api.js";
import "./fields.js";
import type { EntryStore } from "./store.js";
import type { PanelLocalize } from "./strings.js";
import { baseStyles } from "./styles.js";
import type { HomeAssistant } from "./types.js";
import { defineElement, fire } from "./ui.js";

export class ProvisioningTypeForm extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) api!: ProvisioningApi;
  @property({ attribute: false }) store!: EntryStore;
  @property({ attribute: false }) localize!: PanelLocalize;
  @state() private typeMode: "qr" | "fields" = "qr";
  @state() private qr = "";
  @state() private ieee = "";
  @state() private keyType: "install_code" | "link_key" = "install_code";
  @state() private key = "";
  @state() private name = "";
  @state() private areaId = "";
  @state() private fieldErrors: Record<string, string> = {};
  @state() private typeError = "";
  @state() private busy = false;

  private async submit(ev: Event): Promise<void> {
    ev.preventDefault();
    if (this.busy) {
      return;
    }
    const fields: AddFields = { name: this.name, area_id: this.areaId };
    if (this.typeMode === "qr") {
      fields.qr_code = this.qr;
    } else {
      fields.ieee = this.ieee;
      fields[this.keyType] = this.key;
    }
    this.busy = true;
    this.fieldErrors = {};
    this.typeError = "";
    fire(this, "add-message", undefined);
    try {
      const entry = await this.api.add(fields);
      this.store.put(entry);
      fire(this, "entry-added", entry);
      fire(this, "add-message", {
        kind: "ok",
        text: this.localize("added", { name: entry.name || entry.ieee }),
      });
      this.qr = "";
      this.ieee = "";
      this.key = "";
      this.name = "";
    } catch (err) {
      const text = await errorMessage(this.hass, err);
      const field = errorField(err);
      const target =
        field === "install_code" || field === "link_key"
          ? "key"
          : field === "qr_code" && this.typeMode === "qr"
            ? "qr_code"
            : field === "ieee" && this.typeMode === "fields"
              ? "ieee"
              : undefined;
      if (target) {
        this.fieldErrors = { [target]: text };
        // Focus the field at fault (its error is announced, and read with it).
        const id = target === "key" ? "type-key" : target === "qr_code" ? "type-qr" : "type-ieee";
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
        );
      } else {
        this.typeError = text;
      }
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.localize;
    const errors = this.fieldErrors;
    return html`<form id="type-form" @submit=${this.submit}>
      ${this.typeError
        ? html`<div class="alert" role="alert" id="type-error">${this.typeError}</div>`
        : nothing}
      <fieldset class="mode">
        <legend>${t("type_mode")}</legend>
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-qr"
            .checked=${this.typeMode === "qr"}
            @change=${() => {
              this.typeMode = "qr";
            }}
          />${t("type_qr")}</label
        >
        <label
          ><input
            type="radio"
            name="type-mode"
            id="mode-fields"
            .checked=${this.typeMode === "fields"}
            @change=${() => {
              this.typeMode = "fields";
            }}
          />${t("type_fields")}</label
        >
      </fieldset>
      ${this.typeMode === "qr"
        ? html`<provisioning-secret-input
            id="type-qr"
            name="qr_code"
            .label=${t("qr_code")}
            .value=${this.qr}
            .error=${errors.qr_code ?? ""}
            .localize=${t}
            @value-changed=${(ev: CustomEvent<string>) => {
              this.qr = ev.detail;
            }}
          ></provisioning-secret-input>`
        : html`<label class="field"
              >${t("ieee")}
              <input
                id="type-ieee"
                name="ieee"
                type="text"
                class="mono"
                autocomplete="off"
                spellcheck="false"
                placeholder="00:11:22:33:44:55:66:77"
                aria-invalid=${errors.ieee ? "true" : "false"}
                aria-describedby="type-ieee-error"
                .value=${this.ieee}
                @input=${(ev: Event) => {
                  this.ieee = (ev.target as HTMLInputElement).value;
                }}
              />
            </label>
            ${errors.ieee
              ? html`<div id="type-ieee-error" class="field-error" role="alert">${errors.ieee}</div>`
              : nothing}
            <label class="field"
              >${t("key_type")}
              <select
                id="type-key-type"
                name="key_type"
                @change=${(ev: Event) => {
                  this.keyType = (ev.target as HTMLSelectElement).value as "install_code" | "link_key";
                }}
              >
                <option value="install_code" ?selected=${this.keyType === "install_code"}>
                  ${t("install_code")}
                </option>
                <option value="link_key" ?selected=${this.keyType === "link_key"}>${t("link_key")}</option>
              </select>
            </label>
            <provisioning-secret-input
              id="type-key"
              name=${this.keyType}
              .label=${this.keyType === "install_code" ? t("install_code") : t("link_key")}
              .value=${this.key}
              .error=${errors.key ?? ""}
              .localize=${t}
              @value-changed=${(ev: CustomEvent<string>) => {
                this.key = ev.detail;
              }}
            ></provisioning-secret-input>`}
      <label class="field"
        >${t("name")}
        <input
          id="type-name"
          name="name"
          type="text"
          autocomplete="off"
          .value=${this.name}
          @input=${(ev: Event) => {
            this.name = (ev.target as HTMLInputElement).value;
          }}
        />
      </label>
      <provisioning-area-picker
        id="type-area"
        .hass=${this.hass}
        .localize=${t}
        .value=${this.areaId}
        @area-changed=${(ev: CustomEvent<string>) => {
          this.areaId = ev.detail;
        }}
      ></provisioning-area-picker>
      <div class="buttons">
        <button type="submit" id="type-add" class="primary" ?disabled=${this.busy}>
          ${t("add_device")}
        </button>
      </div>
    </form>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      fieldset.mode {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
      }
      fieldset.mode legend {
        padding: 0;
        margin-bottom: 4px;
        color: var(--secondary-text-color, #727272);
      }
      fieldset.mode label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
    `,
  ];
}

defineElement("provisioning-type-form", ProvisioningTypeForm);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-type-form": ProvisioningTypeForm;
  }
}
