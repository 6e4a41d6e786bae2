/**
 * The Type way of the Add dialog: the text of a QR code, or (Zigbee) an IEEE
 * address with an install code or a link key, or (Z-Wave) a DSK with the
 * security classes to grant, and a name and an area. Rules:
 * - only the chosen network's technology is offered (`technology`);
 * - codes, keys and the DSK are masked fields; a typed DSK is checked here
 *   (identity.ts) and sent once, as `dsk` + `security_classes`; the PIN is
 *   never shown back and never kept: a success clears it, and the form, with
 *   what was typed, goes away with the dialog;
 * - a failed add keeps everything typed and puts the translated error on
 *   the field at fault (the error's `translation_placeholders.field`), focused,
 *   else at the top; a success clears the code and the key for the next device.
 * It fires `entry-added` (the entry) and `add-message` (a status for the
 * dialog's live region, or undefined to clear it).
 */

import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";

import { errorField, errorMessage, type AddFields, type ProvisioningApi } from "./api.js";
import "./fields.js";
import {
  DEFAULT_CLASSES,
  DSK_HINT,
  checkDsk,
  securityClassName,
  shownIdentity,
} from "./identity.js";
import type { EntryStore } from "./store.js";
import type { PanelLocalize } from "./strings.js";
import { baseStyles } from "./styles.js";
import {
  SECURITY_CLASSES,
  type HomeAssistant,
  type SecurityClass,
  type Technology,
} from "./types.js";
import { defineElement, fire } from "./ui.js";

type TypeMode = "qr" | "fields" | "dsk";

export class ProvisioningTypeForm extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) api!: ProvisioningApi;
  @property({ attribute: false }) store!: EntryStore;
  @property({ attribute: false }) localize!: PanelLocalize;
  /** The chosen network's technology: only its inputs are offered. */
  @property() technology: Technology = "zigbee";
  @state() private typeMode: TypeMode = "qr";
  @state() private qr = "";
  /** The typed DSK, PIN included: sent once, cleared on success, gone with the dialog. */
  @state() private dsk = "";
  @state() private classes: ReadonlySet<SecurityClass> = new Set(DEFAULT_CLASSES);
  @state() private ieee = "";
  @state() private keyType: "install_code" | "link_key" = "install_code";
  @state() private key = "";
  @state() private name = "";
  @state() private areaId = "";
  @state() private fieldErrors: Record<string, string> = {};
  @state() private typeError = "";
  @state() private busy = false;

  /** The mode shown: a mode of the other technology falls back to the QR code. */
  private get mode(): TypeMode {
    const offered = this.technology === "zwave" ? "dsk" : "fields";
    return this.typeMode === "qr" || this.typeMode === offered ? this.typeMode : "qr";
  }

  private focusField(id: string): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
    );
  }

  private async submit(ev: Event): Promise<void> {
    ev.preventDefault();
    if (this.busy) {
      return;
    }
    const mode = this.mode;
    const fields: AddFields = { name: this.name, area_id: this.areaId };
    if (mode === "qr") {
      fields.qr_code = this.qr;
    } else if (mode === "dsk") {
      const checked = checkDsk(this.dsk);
      if (!checked.ok) {
        this.typeError = "";
        this.fieldErrors = {
          dsk:
            checked.error === "dsk_group"
              ? this.localize("dsk_group", { group: checked.group })
              : this.localize("dsk_format", { format: DSK_HINT }),
        };
        this.focusField("type-dsk");
        return;
      }
      fields.dsk = checked.dsk;
      fields.security_classes = SECURITY_CLASSES.filter((name) => this.classes.has(name));
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
        text: this.localize("added", { name: entry.name || shownIdentity(entry) }),
      });
      this.qr = "";
      this.ieee = "";
      this.key = "";
      this.dsk = "";
      this.classes = new Set(DEFAULT_CLASSES);
      this.name = "";
    } catch (err) {
      const text = await errorMessage(this.hass, err);
      const field = errorField(err);
      const target =
        (field === "install_code" || field === "link_key") && mode === "fields"
          ? "key"
          : field === "qr_code" && mode === "qr"
            ? "qr_code"
            : field === "ieee" && mode === "fields"
              ? "ieee"
              : field === "dsk" && mode === "dsk"
                ? "dsk"
                : field === "security_classes" && mode === "dsk"
                  ? "security_classes"
                  : undefined;
      if (target) {
        this.fieldErrors = { [target]: text };
        // Focus the field at fault (its error is announced, and read with it).
        const ids: Record<string, string> = {
          key: "type-key",
          qr_code: "type-qr",
          ieee: "type-ieee",
          dsk: "type-dsk",
          security_classes: `class-${SECURITY_CLASSES[0]}`,
        };
        this.focusField(ids[target]);
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
    const mode = this.mode;
    const zwave = this.technology === "zwave";
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
            .checked=${mode === "qr"}
            @change=${() => {
              this.typeMode = "qr";
            }}
          />${t("type_qr")}</label
        >
        ${zwave
          ? html`<label
              ><input
                type="radio"
                name="type-mode"
                id="mode-dsk"
                .checked=${mode === "dsk"}
                @change=${() => {
                  this.typeMode = "dsk";
                }}
              />${t("type_dsk")}</label
            >`
          : html`<label
              ><input
                type="radio"
                name="type-mode"
                id="mode-fields"
                .checked=${mode === "fields"}
                @change=${() => {
                  this.typeMode = "fields";
                }}
              />${t("type_fields")}</label
            >`}
      </fieldset>
      ${mode === "dsk"
        ? this.renderDsk()
        : mode === "qr"
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

  /** The DSK (masked, with its format under it) and the security classes to grant. */
  private renderDsk() {
    const t = this.localize;
    const errors = this.fieldErrors;
    return html`<provisioning-secret-input
        id="type-dsk"
        name="dsk"
        .label=${t("dsk")}
        .value=${this.dsk}
        .placeholder=${DSK_HINT}
        .hint=${t("dsk_hint", { format: DSK_HINT })}
        .error=${errors.dsk ?? ""}
        .localize=${t}
        autocomplete="off"
        @value-changed=${(ev: CustomEvent<string>) => {
          this.dsk = ev.detail;
        }}
      ></provisioning-secret-input>
      <fieldset
        class="classes"
        id="type-classes"
        aria-invalid=${errors.security_classes ? "true" : "false"}
        aria-describedby=${errors.security_classes ? "type-classes-error" : ""}
      >
        <legend>${t("security_classes")}</legend>
        ${SECURITY_CLASSES.map(
          (name) => html`<label
            ><input
              type="checkbox"
              id=${`class-${name}`}
              name="security_classes"
              value=${name}
              .checked=${this.classes.has(name)}
              @change=${(ev: Event) => {
                const next = new Set(this.classes);
                if ((ev.target as HTMLInputElement).checked) {
                  next.add(name);
                } else {
                  next.delete(name);
                }
                this.classes = next;
              }}
            />${securityClassName(name, t)}</label
          >`,
        )}
      </fieldset>
      ${errors.security_classes
        ? html`<div id="type-classes-error" class="field-error" role="alert">
            ${errors.security_classes}
          </div>`
        : nothing}`;
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
      fieldset.mode label,
      fieldset.classes label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      fieldset.classes {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 8px;
        margin: 0;
        padding: 8px 12px 12px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      fieldset.classes legend {
        padding: 0 4px;
        color: var(--secondary-text-color, #727272);
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
