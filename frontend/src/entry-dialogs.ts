/**
 * Dialogs about one entry: Edit (name, area, optionally a new install code or
 * link key for a Zigbee entry) and Delete (with confirmation). Rules: only
 * local (`editable`) entries get them; an entry is named to the backend by its
 * `id` (api.ts's entryRef) and shown by its IEEE address or masked DSK, never
 * a PIN; a failed command keeps the dialog open with everything
 * typed and shows the translated error on the field at fault, else at the
 * top; a key is sent only when typed and forgotten when the dialog closes;
 * focus returns to the button that opened the dialog.
 */

import { LitElement, css, html, nothing } from "lit";
import { property, query, state } from "lit/decorators.js";

import { entryRef, errorField, errorMessage, type ProvisioningApi, type UpdateFields } from "./api.js";
import "./fields.js";
import { entryId, shownIdentity, technologyOf } from "./identity.js";
import type { PanelLocalize } from "./strings.js";
import { ICONS, baseStyles, dialogStyles } from "./styles.js";
import type { Entry, HomeAssistant } from "./types.js";
import { defineElement, icon } from "./ui.js";

abstract class EntryDialog extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) api!: ProvisioningApi;
  @property({ attribute: false }) localize!: PanelLocalize;
  @state() protected entry?: Entry;
  @state() protected error = "";
  @state() protected busy = false;
  @query("dialog") protected dialog!: HTMLDialogElement;
  private opener: HTMLElement | undefined;

  async open(entry: Entry, opener?: HTMLElement): Promise<void> {
    this.entry = entry;
    this.opener = opener;
    this.error = "";
    this.reset(entry);
    await this.updateComplete;
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
  }

  close(): void {
    if (this.dialog?.open) {
      this.dialog.close();
    }
  }

  /** Set the form from `entry`, or clear it (and any typed key) when undefined. */
  protected abstract reset(entry: Entry | undefined): void;

  protected onClosed(): void {
    this.entry = undefined;
    this.reset(undefined);
    this.opener?.focus();
    this.opener = undefined;
  }

  protected name(): string {
    return this.entry?.name || (this.entry ? shownIdentity(this.entry) : "");
  }

  protected head(title: string) {
    return html`<div class="dialog-head">
      <h2 id="title">${title}</h2>
      <button
        class="icon"
        aria-label=${this.localize("close")}
        title=${this.localize("close")}
        @click=${() => this.close()}
      >
        ${icon(ICONS.close)}
      </button>
    </div>`;
  }

  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      fieldset {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 8px;
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 8px 12px 12px;
        margin: 0;
      }
      legend {
        padding: 0 4px;
        color: var(--secondary-text-color, #727272);
      }
      .hint {
        font-size: 0.85rem;
      }
      /* A confirmation stays a small dialog on a phone, as Home Assistant's do. */
      @media (max-width: 600px) {
        #delete-dialog {
          width: calc(100vw - 32px);
          height: fit-content;
          max-height: calc(100% - 32px);
          border-radius: var(--ha-dialog-border-radius, 24px);
        }
      }
    `,
  ];
}

export class ProvisioningEditDialog extends EntryDialog {
  @state() private nameValue = "";
  @state() private areaId = "";
  @state() private keyType: "install_code" | "link_key" = "install_code";
  @state() private key = "";
  @state() private keyError = "";

  protected reset(entry: Entry | undefined): void {
    this.nameValue = entry?.name ?? "";
    this.areaId = entry?.area_id ?? "";
    this.keyType = entry?.key_type === "link_key" ? "link_key" : "install_code";
    this.key = "";
    this.keyError = "";
    this.busy = false;
  }

  private async save(ev: Event): Promise<void> {
    ev.preventDefault();
    const entry = this.entry;
    if (!entry || this.busy) {
      return;
    }
    // Send only what changed: a cleared name or area becomes null.
    const fields: UpdateFields = {};
    const name = this.nameValue.trim() || null;
    if (name !== (entry.name ?? null)) {
      fields.name = name;
    }
    if ((this.areaId || null) !== (entry.area_id ?? null)) {
      fields.area_id = this.areaId || null;
    }
    if (this.key.trim() && technologyOf(entry) === "zigbee") {
      fields[this.keyType] = this.key.trim();
    }
    this.busy = true;
    this.error = "";
    this.keyError = "";
    try {
      const updated = await this.api.update(entryRef(entry), fields);
      this.dispatchEvent(new CustomEvent("entry-saved", { detail: updated }));
      this.close();
    } catch (err) {
      const text = await errorMessage(this.hass, err);
      const field = errorField(err);
      if (field === "install_code" || field === "link_key") {
        this.keyError = text;
      } else {
        this.error = text;
      }
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.localize;
    return html`<dialog
      id="edit-dialog"
      aria-labelledby="title"
      @close=${() => this.onClosed()}
    >
      ${this.entry
        ? html`${this.head(t("edit_title", { name: this.name() }))}
            <form @submit=${this.save}>
              <div class="dialog-body">
                <span class="mono secondary" id="edit-identity">${shownIdentity(this.entry)}</span>
                ${this.error
                  ? html`<div class="alert" role="alert" id="edit-error">${this.error}</div>`
                  : nothing}
                <label class="field"
                  >${t("name")}
                  <input
                    autofocus
                    id="edit-name"
                    name="name"
                    type="text"
                    autocomplete="off"
                    .value=${this.nameValue}
                    @input=${(ev: Event) => {
                      this.nameValue = (ev.target as HTMLInputElement).value;
                    }}
                  />
                </label>
                <provisioning-area-picker
                  id="edit-area"
                  .hass=${this.hass}
                  .localize=${t}
                  .value=${this.areaId}
                  @area-changed=${(ev: CustomEvent<string>) => {
                    this.areaId = ev.detail;
                  }}
                ></provisioning-area-picker>
                ${technologyOf(this.entry) === "zigbee" ? this.renderKey() : nothing}
              </div>
              <div class="dialog-actions">
                <button type="button" id="edit-cancel" @click=${() => this.close()}>
                  ${t("cancel")}
                </button>
                <button type="submit" id="edit-save" class="primary" ?disabled=${this.busy}>
                  ${t("save")}
                </button>
              </div>
            </form>`
        : nothing}
    </dialog>`;
  }

  /** A new install code or link key: Zigbee only (a Z-Wave DSK is the device's own). */
  private renderKey() {
    const t = this.localize;
    return html`<fieldset>
                  <legend>${t("new_key")}</legend>
                  <label class="field"
                    >${t("key_type")}
                    <select
                      id="edit-key-type"
                      name="key_type"
                      @change=${(ev: Event) => {
                        this.keyType = (ev.target as HTMLSelectElement).value as
                          | "install_code"
                          | "link_key";
                      }}
                    >
                      <option value="install_code" ?selected=${this.keyType === "install_code"}>
                        ${t("install_code")}
                      </option>
                      <option value="link_key" ?selected=${this.keyType === "link_key"}>
                        ${t("link_key")}
                      </option>
                    </select>
                  </label>
                  <provisioning-secret-input
                    id="edit-key"
                    name=${this.keyType}
                    .label=${this.keyType === "install_code" ? t("install_code") : t("link_key")}
                    .value=${this.key}
                    .error=${this.keyError}
                    .localize=${t}
                    autocomplete="new-password"
                    @value-changed=${(ev: CustomEvent<string>) => {
                      this.key = ev.detail;
                    }}
                  ></provisioning-secret-input>
                  <span class="secondary hint">${t("key_unchanged")}</span>
                </fieldset>`;
  }
}

export class ProvisioningDeleteDialog extends EntryDialog {
  protected reset(): void {
    this.busy = false;
  }

  private async confirm(): Promise<void> {
    const entry = this.entry;
    if (!entry || this.busy) {
      return;
    }
    this.busy = true;
    this.error = "";
    try {
      await this.api.remove(entryRef(entry));
      this.dispatchEvent(new CustomEvent("entry-removed", { detail: entryId(entry) }));
      this.close();
    } catch (err) {
      this.error = await errorMessage(this.hass, err);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.localize;
    return html`<dialog
      id="delete-dialog"
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby="delete-text"
      @close=${() => this.onClosed()}
    >
      ${this.entry
        ? html`${this.head(t("delete_title", { name: this.name() }))}
            <div class="dialog-body">
              ${this.error
                ? html`<div class="alert" role="alert" id="delete-error">${this.error}</div>`
                : nothing}
              <p id="delete-text">
                ${technologyOf(this.entry) === "zwave"
                  ? t("delete_text_zwave", { dsk: shownIdentity(this.entry) })
                  : t("delete_text", { ieee: shownIdentity(this.entry) })}
              </p>
            </div>
            <div class="dialog-actions">
              <button id="delete-cancel" autofocus @click=${() => this.close()}>
                ${t("cancel")}
              </button>
              <button
                id="delete-confirm"
                class="primary danger"
                ?disabled=${this.busy}
                @click=${() => this.confirm()}
              >
                ${t("delete")}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }
}

defineElement("provisioning-edit-dialog", ProvisioningEditDialog);
defineElement("provisioning-delete-dialog", ProvisioningDeleteDialog);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-edit-dialog": ProvisioningEditDialog;
    "provisioning-delete-dialog": ProvisioningDeleteDialog;
  }
}
