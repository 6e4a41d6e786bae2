/**
 * The Add dialog: Scan (live camera, or the companion app's native scanner),
 * Photo, Type and Import CSV. Rules:
 * - every read (camera, app, photo) goes through `provisioning/code/parse` and
 *   shows what the label says (IEEE, format, "Install code ••••"; for a Z-Wave
 *   SmartStart code the masked DSK, the security classes and the protocol),
 *   never a key digit nor a PIN; then name and area, and Add sends the label
 *   text;
 * - only codes of the chosen network's technology (`technology`) are taken: a
 *   Z-Wave code read for a Zigbee network (or the other way) is refused with
 *   its own message, and scanning goes on;
 * - scanning goes on after each label; a bad or already listed code shows its
 *   own error and scanning goes on; the same text read again within
 *   REPEAT_MS is ignored; while a read waits for Add or Skip the camera's
 *   preview stays in view (smaller), paused;
 * - a camera that cannot be used is explained by case (camera.ts), never by
 *   the browser's error name, and the Photo way is offered;
 * - the file inputs are visually hidden but focusable, behind a button-like
 *   label that shows the chosen file's name;
 * - Type is its own element (add-type-form.ts), kept while the dialog is open;
 * - a CSV file whose import message would be over Home Assistant's websocket
 *   limit (MAX_MESSAGE_BYTES) is refused with that limit, never sent;
 * - the camera and the app's scanner stop when the dialog closes, the tab
 *   changes or the panel goes away; typed and read secrets are forgotten when
 *   the dialog closes.
 */

import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";

import {
  MAX_MESSAGE_BYTES,
  errorField,
  errorMessage,
  loadExceptions,
  type ProvisioningApi,
} from "./api.js";
import "./add-type-form.js";
import { cameraProblem, type CameraProblem } from "./camera.js";
import { CompanionScanner, companionScanner } from "./companion.js";
import {
  CameraScanner,
  cameraAllowed,
  decodePhoto,
  type LabelRead,
} from "./decoder.js";
import "./fields.js";
import { fileSize } from "./format.js";
import {
  entryId,
  formatName,
  protocolName,
  securityClassNames,
  shownIdentity,
  technologyOf,
} from "./identity.js";
import { normalizeIeee, type EntryStore } from "./store.js";
import type { PanelLocalize } from "./strings.js";
import { ICONS, baseStyles, dialogStyles } from "./styles.js";
import type { BackendError, HomeAssistant, ParsedCode, Technology } from "./types.js";
import { defineElement, icon } from "./ui.js";

export type AddTab = "scan" | "photo" | "type" | "import";
const TABS: AddTab[] = ["scan", "photo", "type", "import"];
const REPEAT_MS = 2500;

type Source = "camera" | "app" | "photo";
export type Message = { kind: "ok" | "error" | "info"; text: string };
type CameraState = "off" | "starting" | "running" | "insecure" | "failed";
type FileInput = "photo" | "csv";

interface PendingRead {
  text: string;
  parsed: ParsedCode;
  source: Source;
}

export class ProvisioningAddDialog extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) api!: ProvisioningApi;
  @property({ attribute: false }) store!: EntryStore;
  @property({ attribute: false }) localize!: PanelLocalize;
  /** The chosen network's technology: only its codes and inputs are offered. */
  @property() technology: Technology = "zigbee";
  @state() private tab: AddTab = "scan";
  @state() private opened = false;
  @state() private message?: Message;
  @state() private pending?: PendingRead;
  @state() private pendingName = "";
  @state() private pendingArea = "";
  @state() private busy = false;
  @state() private camera: CameraState = "off";
  @state() private cameraError: CameraProblem = "unavailable";
  /** The name of the file last chosen in each file input. */
  @state() private fileNames: Partial<Record<FileInput, string>> = {};
  // Import
  @state() private importErrors: string[] = [];
  @query("dialog") private dialog!: HTMLDialogElement;
  @query("video") private video?: HTMLVideoElement;
  private scanner: CameraScanner | undefined;
  private companion: CompanionScanner | undefined;
  private opener: HTMLElement | undefined;
  private lastText = "";
  private lastTime = 0;

  async open(opener?: HTMLElement, tab: AddTab = "scan"): Promise<void> {
    this.opener = opener;
    this.tab = tab;
    this.message = undefined;
    this.opened = true;
    void loadExceptions(this.hass);
    await this.updateComplete;
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    this.syncScanning();
  }

  close(): void {
    if (this.dialog?.open) {
      this.dialog.close();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopScanning();
  }

  private onClosed(): void {
    this.opened = false;
    this.stopScanning();
    // Forget every secret typed or read.
    // (The Type form, with what was typed, is gone with the dialog's content.)
    this.pending = undefined;
    this.importErrors = [];
    this.fileNames = {};
    this.lastText = "";
    this.opener?.focus();
    this.opener = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has("tab") || changed.has("opened")) {
      this.syncScanning();
    }
  }

  // ---- Scanning -----------------------------------------------------------

  private app() {
    return companionScanner(this.hass);
  }

  /** Run the camera (or the app's scanner) exactly while the Scan tab is shown. */
  private syncScanning(): void {
    const want = this.opened && this.tab === "scan";
    if (!want) {
      this.stopScanning();
      return;
    }
    if (this.app()) {
      if (!this.companion?.scanning && !this.pending) {
        this.openCompanion();
      }
      return;
    }
    if (this.scanner || this.camera === "failed") {
      return;
    }
    if (!cameraAllowed()) {
      this.camera = "insecure";
      return;
    }
    const video = this.video;
    if (!video) {
      return;
    }
    const scanner = new CameraScanner(
      video,
      (read) => void this.onRead(read, "camera"),
      () => {
        // The decoder itself failed: the camera cannot be used here.
        this.scanner = undefined;
        this.camera = "failed";
        this.cameraError = "unavailable";
      },
    );
    this.scanner = scanner;
    this.camera = "starting";
    scanner.start().then(
      () => {
        if (this.scanner === scanner) {
          this.camera = "running";
          if (this.pending) {
            scanner.pause();
          }
        }
      },
      (error: unknown) => {
        if (this.scanner === scanner) {
          scanner.stop();
          this.scanner = undefined;
          this.camera = "failed";
          this.cameraError = cameraProblem(error);
        }
      },
    );
  }

  private stopScanning(): void {
    this.scanner?.stop();
    this.scanner = undefined;
    if (this.camera !== "insecure") {
      this.camera = "off";
    }
    this.cameraError = "unavailable";
    this.companion?.close();
  }

  private openCompanion(): void {
    const app = this.app();
    if (!app) {
      return;
    }
    this.companion ??= new CompanionScanner(app, {
      onRead: (text, format) => {
        if (!format) {
          this.companion?.notify(this.localize("scan_wrong_format"));
          return;
        }
        void this.onRead({ text, format }, "app");
      },
      onAborted: (reason) => {
        if (reason === "alternative_options") {
          this.tab = "type";
        }
      },
    });
    const t = this.localize;
    this.companion.open({
      title: t("scan_app_title"),
      description: t("scan_app_description"),
      alternative_option_label: t("scan_app_alternative"),
    });
  }

  /** Go on scanning after a label was added, skipped or refused. */
  private continueScanning(source: Source): void {
    if (source === "camera") {
      this.scanner?.resume();
    } else if (source === "app" && this.opened && this.tab === "scan" && !this.companion?.scanning) {
      this.openCompanion();
    }
  }

  /** A refused read: say why, and go on scanning. */
  private refuse(source: Source, text: string): void {
    this.message = { kind: "error", text };
    if (source === "app") {
      this.companion?.notify(text);
    }
    this.continueScanning(source);
  }

  private async onRead(read: LabelRead, source: Source): Promise<void> {
    if (this.pending || (this.busy && source !== "photo")) {
      return;
    }
    const now = Date.now();
    if (source !== "photo" && read.text === this.lastText && now - this.lastTime < REPEAT_MS) {
      // The same label still in view: ignore it, and keep ignoring while it stays.
      this.lastTime = now;
      return;
    }
    this.lastText = read.text;
    this.lastTime = now;
    this.scanner?.pause();
    this.busy = true;
    let parsed: ParsedCode;
    try {
      parsed = await this.api.parse(read.text);
    } catch (err) {
      this.busy = false;
      this.refuse(source, await errorMessage(this.hass, err));
      return;
    }
    this.busy = false;
    const technology = technologyOf(parsed);
    if (technology !== this.technology) {
      this.refuse(source, this.localize(technology === "zwave" ? "wrong_network_zwave" : "wrong_network_zigbee"));
      return;
    }
    if (this.store.has(entryId(parsed))) {
      const shown = shownIdentity(parsed);
      const who = technology === "zigbee" ? normalizeIeee(shown) : shown;
      this.refuse(source, this.localize("already_listed", { ieee: who }));
      return;
    }
    if (!this.opened) {
      return;
    }
    this.pending = { text: read.text, parsed, source };
    this.pendingName = "";
    this.pendingArea = "";
    // The read's card says what was read, under its own heading.
    this.message = undefined;
    if (source === "app") {
      // Close the app's scanner so the user sees what was read; it reopens after Add or Skip.
      this.companion?.close();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>("#read-name")?.focus();
  }

  private async addPending(ev: Event): Promise<void> {
    ev.preventDefault();
    const pending = this.pending;
    if (!pending || this.busy) {
      return;
    }
    this.busy = true;
    try {
      const entry = await this.api.add({
        qr_code: pending.text,
        name: this.pendingName,
        area_id: this.pendingArea,
      });
      this.store.put(entry);
      this.dispatchEvent(new CustomEvent("entry-added", { detail: entry }));
      this.pending = undefined;
      this.message = {
        kind: "ok",
        text: this.localize("added", { name: entry.name || shownIdentity(entry) }),
      };
      this.continueScanning(pending.source);
      this.focusAfterRead();
    } catch (err) {
      const text = await errorMessage(this.hass, err);
      const key = (err as BackendError)?.translation_key;
      if (errorField(err) || key === "already_provisioned") {
        // The code itself is refused: drop it and go on with the next label.
        this.pending = undefined;
        this.refuse(pending.source, text);
        this.focusAfterRead();
      } else {
        this.message = { kind: "error", text };
      }
    } finally {
      this.busy = false;
    }
  }

  private skipPending(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.message = undefined;
    if (pending) {
      this.continueScanning(pending.source);
    }
    this.focusAfterRead();
  }

  /** The read's form is gone: put focus back on the current tab, not on the page. */
  private focusAfterRead(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus(),
    );
  }

  // ---- Photo ----------------------------------------------------------------

  private async onPhoto(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file || this.pending) {
      return;
    }
    this.fileNames = { ...this.fileNames, photo: file.name };
    this.busy = true;
    this.message = { kind: "info", text: this.localize("decoding") };
    let read: LabelRead | null;
    try {
      read = await decodePhoto(file);
    } catch {
      this.busy = false;
      this.message = { kind: "error", text: this.localize("photo_bad") };
      return;
    }
    this.busy = false;
    if (!read) {
      this.message = { kind: "error", text: this.localize("photo_none") };
      return;
    }
    await this.onRead(read, "photo");
  }

  // ---- Import ---------------------------------------------------------------

  private async onCsv(ev: Event): Promise<void> {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    if (!file) {
      return;
    }
    this.fileNames = { ...this.fileNames, csv: file.name };
    this.busy = true;
    this.importErrors = [];
    this.message = undefined;
    try {
      // Home Assistant closes the websocket on a message over its limit: never send one.
      const csv = file.size > MAX_MESSAGE_BYTES ? undefined : await file.text();
      const bytes = csv === undefined ? file.size : this.api.importBytes(csv);
      if (csv === undefined || bytes > MAX_MESSAGE_BYTES) {
        this.message = { kind: "error", text: this.tooLarge(file.name, bytes) };
        return;
      }
      const result = await this.api.importCsv(csv);
      const localize = (await loadExceptions(this.hass)) ?? this.hass.localize;
      this.importErrors = result.errors.map((error) => {
        const who = error.ieee ?? error.id ?? "";
        // Every field of the error but its line and key is a placeholder of its text.
        const placeholders: Record<string, string> = { ieee: who, id: who, dsk: who };
        for (const [key, value] of Object.entries(error)) {
          if (key !== "line" && key !== "error" && value !== undefined && value !== null) {
            placeholders[key] = String(value);
          }
        }
        const translated = localize(
          `component.provisioning.exceptions.${error.error}.message`,
          placeholders,
        );
        const text = translated || error.error;
        return `${this.localize("import_line", { line: error.line })}: ${text}${
          who && !text.includes(who) ? ` (${who})` : ""
        }`;
      });
      this.message = {
        kind: result.added ? "ok" : "error",
        text: result.added
          ? this.localize("import_added", { count: result.added })
          : this.localize("import_none"),
      };
    } catch (err) {
      this.message = { kind: "error", text: await errorMessage(this.hass, err) };
    } finally {
      this.busy = false;
    }
  }

  private tooLarge(name: string, bytes: number): string {
    const language = this.hass.locale?.language ?? this.hass.language ?? "en";
    return this.localize("import_too_large", {
      file: name,
      size: fileSize(bytes, language),
      limit: fileSize(MAX_MESSAGE_BYTES, language),
    });
  }

  // ---- Rendering ------------------------------------------------------------

  private selectTab(tab: AddTab): void {
    if (this.tab !== tab) {
      this.message = undefined;
      this.tab = tab;
    }
  }

  private onTabKey(ev: KeyboardEvent): void {
    const step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
    if (!step) {
      return;
    }
    const next = TABS[(TABS.indexOf(this.tab) + step + TABS.length) % TABS.length];
    this.selectTab(next);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus(),
    );
  }

  protected override render() {
    const t = this.localize;
    return html`<dialog
      id="add-dialog"
      aria-labelledby="add-title"
      @close=${() => this.onClosed()}
    >
      ${this.opened
        ? html`<div class="dialog-head">
              <h2 id="add-title">${t("add_title")}</h2>
              <button
                class="icon"
                id="add-close"
                aria-label=${t("close")}
                title=${t("close")}
                @click=${() => this.close()}
              >
                ${icon(ICONS.close)}
              </button>
            </div>
            <div class="tabs" role="tablist" aria-label=${t("ways")} @keydown=${this.onTabKey}>
              ${TABS.map(
                (tab) => html`<button
                  role="tab"
                  id=${`tab-${tab}`}
                  aria-selected=${this.tab === tab ? "true" : "false"}
                  aria-controls="tabpanel"
                  tabindex=${this.tab === tab ? 0 : -1}
                  ?autofocus=${this.tab === tab}
                  @click=${() => this.selectTab(tab)}
                >
                  ${t(`tab_${tab}`)}
                </button>`,
              )}
            </div>
            <div class="dialog-body" role="tabpanel" id="tabpanel" aria-labelledby=${`tab-${this.tab}`}>
              <!-- No whitespace in #status, so that it is :empty (and takes no room) without a message. -->
              <div id="status" class="live" aria-live="polite" role="status">${this.message
                ? html`<div class="alert ${this.message.kind}" data-kind=${this.message.kind}>
                    ${this.message.text}
                  </div>`
                : nothing}</div>
              ${this.pending ? this.renderPending(this.pending) : nothing}
              ${this.tab === "scan"
                ? this.renderScan()
                : this.tab === "photo"
                  ? this.renderPhoto()
                  : this.tab === "import"
                    ? this.renderImport()
                    : nothing}
              <provisioning-type-form
                ?hidden=${this.tab !== "type"}
                .hass=${this.hass}
                .api=${this.api}
                .store=${this.store}
                .localize=${t}
                .technology=${this.technology}
                @add-message=${(ev: CustomEvent<Message | undefined>) => {
                  this.message = ev.detail;
                }}
              ></provisioning-type-form>
            </div>`
        : nothing}
    </dialog>`;
  }

  /** What a Z-Wave SmartStart label says: the masked DSK, the classes, the protocol. */
  private renderZWaveRead(parsed: ParsedCode) {
    const t = this.localize;
    return html`<dt>${t("read_dsk")}</dt>
      <dd class="mono" id="read-dsk">${shownIdentity(parsed)}</dd>
      <dt>${t("read_format")}</dt>
      <dd id="read-format">${formatName(parsed.format, t)}</dd>
      <dt>${t("read_classes")}</dt>
      <dd id="read-classes">
        ${securityClassNames(parsed.security_classes, t) || t("read_no_classes")}
      </dd>
      ${parsed.zwave_protocol
        ? html`<dt>${t("read_protocol")}</dt>
            <dd id="read-protocol">${protocolName(parsed.zwave_protocol, t)}</dd>`
        : nothing}`;
  }

  private renderPending(pending: PendingRead) {
    const t = this.localize;
    const parsed = pending.parsed;
    // Named by its heading: focus moving into it (the name field) announces the read.
    return html`<form
      class="read"
      id="read"
      aria-labelledby="read-title"
      data-technology=${technologyOf(parsed)}
      @submit=${this.addPending}
    >
      <h3 id="read-title">${t("read_title")}</h3>
      <dl>
        ${technologyOf(parsed) === "zwave"
          ? this.renderZWaveRead(parsed)
          : html`<dt>${t("ieee")}</dt>
              <dd class="mono" id="read-ieee">${shownIdentity(parsed)}</dd>
              <dt>${t("read_format")}</dt>
              <dd id="read-format">${parsed.format}</dd>
              <dt>${t("key")}</dt>
              <dd id="read-key">
                ${t(parsed.key_type === "link_key" ? "read_key_link_key" : "read_key_install_code")}
              </dd>`}
        ${parsed.model
          ? html`<dt>${t("read_model")}</dt>
              <dd id="read-model">${parsed.model}</dd>`
          : nothing}
      </dl>
      <label class="field"
        >${t("name")}
        <input
          id="read-name"
          name="name"
          type="text"
          autocomplete="off"
          placeholder=${parsed.model ?? ""}
          .value=${this.pendingName}
          @input=${(ev: Event) => {
            this.pendingName = (ev.target as HTMLInputElement).value;
          }}
        />
      </label>
      <provisioning-area-picker
        id="read-area"
        .hass=${this.hass}
        .localize=${t}
        .value=${this.pendingArea}
        @area-changed=${(ev: CustomEvent<string>) => {
          this.pendingArea = ev.detail;
        }}
      ></provisioning-area-picker>
      <div class="buttons">
        <button type="button" id="read-skip" @click=${() => this.skipPending()}>${t("skip")}</button>
        <button type="submit" id="read-add" class="primary" ?disabled=${this.busy}>
          ${t("add_device")}
        </button>
      </div>
    </form>`;
  }

  private renderScan() {
    const t = this.localize;
    if (this.app()) {
      return html`<p class="secondary">${t("scan_app_hint")}</p>
        <button
          id="scan-app"
          class="primary"
          ?disabled=${Boolean(this.pending) || this.busy}
          @click=${() => this.openCompanion()}
        >
          ${t("scan_app")}
        </button>`;
    }
    if (this.camera === "insecure" || this.camera === "failed") {
      const problem: CameraProblem = this.camera === "insecure" ? "insecure" : this.cameraError;
      return html`<div class="alert info" id="camera-unavailable" data-problem=${problem}>
          ${t(`scan_${problem}`)}
        </div>
        <div class="buttons start">
          <button id="use-photo" class="primary" @click=${() => this.selectTab("photo")}>
            ${icon(ICONS.camera)} ${t("use_photo")}
          </button>
          ${this.camera === "failed"
            ? html`<button id="camera-retry" class="outlined" @click=${() => this.retryCamera()}>
                ${t("retry")}
              </button>`
            : nothing}
        </div>`;
    }
    const paused = Boolean(this.pending);
    const hint = paused ? "scan_paused" : this.technology === "zwave" ? "scan_hint_zwave" : "scan_hint";
    return html`<p class="secondary" id="scan-hint">${t(hint)}</p>
      <div class="viewfinder ${paused ? "paused" : ""}">
        <video id="video" muted playsinline aria-label=${t("tab_scan")}></video>
        ${this.camera === "starting"
          ? html`<span class="overlay">${t("scan_starting")}</span>`
          : nothing}
      </div>`;
  }

  /** Try the camera again (e.g. after another app let go of it). */
  private async retryCamera(): Promise<void> {
    this.camera = "off";
    await this.updateComplete;
    this.syncScanning();
  }

  /** A visually hidden file input behind a button-like label, with the chosen file's name. */
  private renderFilePick(
    which: FileInput,
    label: string,
    iconPath: string,
    input: (describedBy: string) => unknown,
  ) {
    const name = this.fileNames[which];
    return html`<div class="file-pick">
      ${input(`${which}-name`)}
      <label for=${which} class="file-button">${icon(iconPath)}<span>${label}</span></label>
      <span id=${`${which}-name`} class="file-name ${name ? "" : "secondary"}"
        >${name ?? this.localize("file_none")}</span
      >
    </div>`;
  }

  private renderPhoto() {
    const t = this.localize;
    return html`<p class="secondary" id="photo-hint">
        ${t(this.technology === "zwave" ? "photo_hint_zwave" : "photo_hint")}
      </p>
      ${this.renderFilePick(
        "photo",
        t("photo_pick"),
        ICONS.camera,
        (describedBy) => html`<input
          id="photo"
          name="photo"
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby=${describedBy}
          ?disabled=${Boolean(this.pending) || this.busy}
          @change=${this.onPhoto}
        />`,
      )}`;
  }

  private renderImport() {
    const t = this.localize;
    return html`<p class="secondary" id="import-hint">
        ${t(this.technology === "zwave" ? "import_hint_zwave" : "import_hint")}
      </p>
      ${this.renderFilePick(
        "csv",
        t("import_pick"),
        ICONS.upload,
        (describedBy) => html`<input
          id="csv"
          name="csv"
          class="visually-hidden"
          type="file"
          accept=".csv,text/csv"
          aria-describedby=${describedBy}
          ?disabled=${this.busy}
          @change=${this.onCsv}
        />`,
      )}
      ${this.importErrors.length
        ? html`<ul id="import-errors" class="errors">
            ${this.importErrors.map((line) => html`<li>${line}</li>`)}
          </ul>`
        : nothing}`;
  }

  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        width: min(640px, calc(100vw - 32px));
      }
      .tabs {
        display: flex;
        gap: 4px;
        padding: 8px 24px 0;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
        overflow-x: auto;
      }
      [role="tab"] {
        white-space: nowrap;
        flex: none;
        border-radius: 0;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"][aria-selected="true"] {
        color: var(--primary-color, #03a9f4);
        border-bottom-color: var(--primary-color, #03a9f4);
      }
      .live:empty {
        display: none;
      }
      .live .alert {
        margin: 0;
      }
      .viewfinder {
        position: relative;
        background: #000;
        border-radius: 12px;
        overflow: hidden;
        aspect-ratio: 16 / 9;
      }
      .viewfinder.paused {
        width: min(240px, 50%);
        align-self: center;
        opacity: 0.85;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
      .overlay {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        color: #fff;
      }
      form,
      .read {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .read {
        border: 1px solid var(--divider-color, #e0e0e0);
        border-radius: 12px;
        padding: 12px 16px;
      }
      .read h3 {
        margin: 0;
        font-size: 1.05rem;
        font-weight: 500;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 16px;
        margin: 0;
      }
      dt {
        color: var(--secondary-text-color, #727272);
      }
      dd {
        margin: 0;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      .buttons.start {
        justify-content: flex-start;
        flex-wrap: wrap;
      }
      #use-photo {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .file-pick {
        position: relative;
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px 12px;
      }
      .file-button {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        min-height: 36px;
        padding: 0 16px;
        border-radius: 18px;
        font-weight: 500;
        cursor: pointer;
        background: var(--primary-color, #03a9f4);
        color: var(--text-primary-color, #fff);
      }
      @media (hover: hover) {
        .file-button:hover {
          background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, black);
        }
      }
      #use-photo svg,
      .file-button svg {
        width: 20px;
        height: 20px;
        fill: currentColor;
      }
      input:focus-visible + .file-button {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: 2px;
      }
      input:disabled + .file-button {
        opacity: 0.5;
        cursor: default;
      }
      .file-name {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .errors {
        margin: 0;
        padding-left: 20px;
        color: var(--error-color, #db4437);
      }
    `,
  ];
}

defineElement("provisioning-add-dialog", ProvisioningAddDialog);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-add-dialog": ProvisioningAddDialog;
  }
}
