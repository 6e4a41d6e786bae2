/**
 * The Provisioning sidebar panel (custom element `provisioning-panel`,
 * registered by the integration with `panel_custom`). Rules:
 * - it talks to the integration only through docs/websocket-api.md;
 * - it subscribes once per chosen coordinator (snapshot, then diffs) and
 *   never polls; it unsubscribes when it leaves the page;
 * - a new `hass` object (every state change in Home Assistant) re-renders only
 *   the header, never the table, unless the areas or the language changed;
 * - each snapshot's `now` sets the server's clock (clock.ts), which every
 *   time shown is compared with;
 * - the chosen network's technology (Zigbee or Z-Wave) decides what the Add
 *   dialog offers; an entry Z-Wave JS holds is adopted with
 *   `provisioning/entries/adopt`;
 * - backend errors are shown translated, the panel's own texts come from
 *   strings.ts.
 */

import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { property, query, state } from "lit/decorators.js";

import { ProvisioningApi, errorMessage, loadExceptions } from "./api.js";
import { serverClock } from "./clock.js";
import "./add-dialog.js";
import type { ProvisioningAddDialog } from "./add-dialog.js";
import "./entries-table.js";
import "./entry-dialogs.js";
import type { ProvisioningDeleteDialog, ProvisioningEditDialog } from "./entry-dialogs.js";
import "./fields.js";
import { entryId, technologyOf } from "./identity.js";
import { EntryStore } from "./store.js";
import { panelLocalize, type PanelLocalize } from "./strings.js";
import { ICONS, baseStyles } from "./styles.js";
import type {
  AdmissionWindow,
  Coordinator,
  Entry,
  HomeAssistant,
  SubscriptionEvent,
  Technology,
} from "./types.js";
import { defineElement, fire, icon } from "./ui.js";
import "./window-card.js";

interface EntryActionDetail {
  entry: Entry;
  opener?: HTMLElement;
}

export class ProvisioningPanel extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;
  @property({ type: Boolean, reflect: true }) narrow = false;
  @property({ attribute: false }) route?: unknown;
  @property({ attribute: false }) panel?: unknown;
  @state() private window?: AdmissionWindow;
  @state() private coordinators: Coordinator[] = [];
  @state() private coordinator?: string;
  @state() private version = 0;
  @state() private loaded = false;
  @state() private error = "";
  @state() private busy = false;
  /** Finding the coordinators or subscribing failed: offer a retry. */
  @state() private loadFailed = false;
  @query("provisioning-add-dialog") private addDialog!: ProvisioningAddDialog;
  @query("provisioning-edit-dialog") private editDialog!: ProvisioningEditDialog;
  @query("provisioning-delete-dialog") private deleteDialog!: ProvisioningDeleteDialog;
  private readonly store = new EntryStore();
  private api?: ProvisioningApi;
  private unsubscribe?: Promise<(() => Promise<void>) | undefined>;
  private started = false;
  private localizeCache?: { language: string; localize: PanelLocalize };

  /** The chosen network's technology (Zigbee when the backend does not say). */
  private get technology(): Technology {
    const chosen = this.coordinators.find((c) => c.config_entry_id === this.coordinator);
    return chosen ? technologyOf(chosen) : "zigbee";
  }

  private get language(): string {
    return this.hass?.locale?.language ?? this.hass?.language ?? "en";
  }

  private get t(): PanelLocalize {
    const language = this.language;
    if (this.localizeCache?.language !== language) {
      this.localizeCache = { language, localize: panelLocalize(language) };
    }
    return this.localizeCache.localize;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hass && !this.started) {
      void this.start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSubscription();
    this.started = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("hass") && this.hass && !this.started && this.isConnected) {
      void this.start();
    }
  }

  /** Find the coordinators, then subscribe to the chosen one's list. */
  private async start(): Promise<void> {
    const hass = this.hass;
    if (!hass) {
      return;
    }
    this.started = true;
    void loadExceptions(hass);
    try {
      this.coordinators = await new ProvisioningApi(hass, undefined).coordinators();
    } catch (err) {
      // No retry on every new `hass` (every state change): the user retries.
      this.error = await errorMessage(hass, err);
      this.loadFailed = true;
      return;
    }
    if (!this.coordinator || !this.coordinators.some((c) => c.config_entry_id === this.coordinator)) {
      this.coordinator = this.coordinators[0]?.config_entry_id;
    }
    this.subscribe();
  }

  private retry(): void {
    this.stopSubscription();
    this.error = "";
    this.loadFailed = false;
    void this.start();
  }

  private subscribe(): void {
    const hass = this.hass;
    if (!hass || !this.started) {
      return;
    }
    this.stopSubscription();
    this.loaded = false;
    this.loadFailed = false;
    this.error = "";
    const api = new ProvisioningApi(hass, this.coordinator);
    this.api = api;
    this.unsubscribe = api
      .subscribe((event) => {
        if (this.api === api) {
          this.onEvent(event);
        }
      })
      .catch(async (err: unknown) => {
        if (this.api === api) {
          this.error = await errorMessage(hass, err);
          this.loadFailed = true;
        }
        return undefined;
      });
  }

  private stopSubscription(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    this.api = undefined;
    void unsubscribe?.then((unsub) => unsub?.()).catch(() => undefined);
  }

  private onEvent(event: SubscriptionEvent): void {
    switch (event.type) {
      case "snapshot":
        serverClock.sync(event.now);
        this.store.apply(event);
        this.window = event.window;
        this.loaded = true;
        break;
      case "entries":
        this.store.apply(event);
        break;
      case "window":
        this.window = event.window;
        break;
      case "providers":
        // Entries carry their provider's title; the list of providers is not shown.
        break;
    }
    this.version = this.store.version;
  }

  private async run(action: (api: ProvisioningApi) => Promise<AdmissionWindow | void>): Promise<void> {
    const api = this.api;
    if (!api || !this.hass) {
      return;
    }
    this.busy = true;
    this.error = "";
    try {
      const result = await action(api);
      if (result) {
        this.window = result;
      }
    } catch (err) {
      this.error = await errorMessage(this.hass, err);
    } finally {
      this.busy = false;
    }
  }

  /** Take an entry Z-Wave JS holds into the list. */
  private adopt(entry: Entry): void {
    void this.run(async (api) => {
      const adopted = await api.adopt(entryId(entry));
      if (adopted) {
        this.store.put(adopted);
        this.version = this.store.version;
      }
    });
  }

  protected override render() {
    const t = this.t;
    return html`
      <header class="toolbar">
        ${this.narrow
          ? html`<button
              class="icon"
              id="menu"
              aria-label=${t("menu")}
              title=${t("menu")}
              @click=${() => fire(this, "hass-toggle-menu")}
            >
              ${icon(ICONS.menu)}
            </button>`
          : nothing}
        <h1>${t("title")}</h1>
      </header>
      <main>
        ${this.error
          ? html`<div class="alert error-row" role="alert" id="panel-error">
              <span>${this.error}</span>
              ${this.loadFailed
                ? html`<button id="retry" class="outlined" @click=${() => this.retry()}>
                    ${t("retry")}
                  </button>`
                : nothing}
            </div>`
          : nothing}
        <provisioning-window-card
          .window=${this.window}
          .coordinators=${this.coordinators}
          .coordinator=${this.coordinator}
          .localize=${t}
          ?busy=${this.busy}
          @window-start=${(ev: CustomEvent<number | undefined>) =>
            this.run((api) => api.startWindow(ev.detail))}
          @window-stop=${() => this.run((api) => api.stopWindow())}
          @guard-set=${(ev: CustomEvent<boolean>) => this.run((api) => api.setGuard(ev.detail))}
          @coordinator-select=${(ev: CustomEvent<string>) => {
            this.coordinator = ev.detail;
            this.subscribe();
          }}
        ></provisioning-window-card>
        <h2 class="visually-hidden">${t("title")}</h2>
        ${this.loaded
          ? html`<provisioning-entries-table
              .store=${this.store}
              .version=${this.version}
              .areas=${this.hass?.areas}
              .language=${this.language}
              .localize=${t}
              ?narrow=${this.narrow}
              @entry-edit=${(ev: CustomEvent<EntryActionDetail>) =>
                this.editDialog.open(ev.detail.entry, ev.detail.opener)}
              @entry-delete=${(ev: CustomEvent<EntryActionDetail>) =>
                this.deleteDialog.open(ev.detail.entry, ev.detail.opener)}
              @entry-adopt=${(ev: CustomEvent<EntryActionDetail>) => this.adopt(ev.detail.entry)}
            ></provisioning-entries-table>`
          : this.error
            ? nothing
            : html`<p class="secondary" id="loading">${t("loading")}</p>`}
        <!-- Home Assistant's extended floating action button: bottom right, over the list. -->
        <button
          id="add"
          class="primary fab"
          ?disabled=${!this.api}
          @click=${(ev: Event) => this.addDialog.open(ev.currentTarget as HTMLElement)}
        >
          ${icon(ICONS.plus)} ${t("add")}
        </button>
      </main>
      ${this.hass && this.api
        ? html`<provisioning-add-dialog
              .hass=${this.hass}
              .api=${this.api}
              .store=${this.store}
              .localize=${t}
              .technology=${this.technology}
              @entry-added=${() => (this.version = this.store.version)}
            ></provisioning-add-dialog>
            <provisioning-edit-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${t}
              @entry-saved=${(ev: CustomEvent<Entry>) => {
                this.store.put(ev.detail);
                this.version = this.store.version;
              }}
            ></provisioning-edit-dialog>
            <provisioning-delete-dialog
              .hass=${this.hass}
              .api=${this.api}
              .localize=${t}
              @entry-removed=${(ev: CustomEvent<string>) => {
                this.store.delete(ev.detail);
                this.version = this.store.version;
              }}
            ></provisioning-delete-dialog>`
        : nothing}
    `;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color, #fafafa);
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 12px;
        height: var(--header-height, 56px);
        padding: 0 12px 0 16px;
        background: var(--app-header-background-color, var(--primary-color, #03a9f4));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
        border-bottom: var(--app-header-border-bottom, none);
        position: sticky;
        top: 0;
        z-index: 2;
      }
      :host([narrow]) .toolbar {
        padding-left: 4px;
      }
      h1 {
        margin: 0;
        font-size: 20px;
        font-weight: 400;
      }
      main {
        padding: 16px;
        max-width: 1400px;
        margin: 0 auto;
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      :host([narrow]) main {
        padding: 8px 8px 88px;
      }
      .error-row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        flex-wrap: wrap;
      }
      main {
        /* Room under the last row for the floating button. */
        padding-bottom: 88px;
      }
      .fab {
        position: fixed;
        right: calc(16px + env(safe-area-inset-right));
        bottom: calc(16px + env(safe-area-inset-bottom));
        z-index: 3;
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 56px;
        padding: 0 20px 0 16px;
        border-radius: 16px;
        box-shadow:
          0 3px 5px -1px rgba(0, 0, 0, 0.2),
          0 6px 10px 0 rgba(0, 0, 0, 0.14),
          0 1px 18px 0 rgba(0, 0, 0, 0.12);
      }
      .fab svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
    `,
  ];
}

defineElement("provisioning-panel", ProvisioningPanel);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-panel": ProvisioningPanel;
  }
}
