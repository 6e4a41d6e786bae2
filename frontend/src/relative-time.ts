/**
 * `<provisioning-relative-time>`: a server timestamp as a relative time that
 * keeps itself current. Rules: "now" is read from `serverClock` each time the
 * text is computed (never kept from an earlier render); the element refreshes
 * itself when the text may change (every second under a minute old, then every
 * minute, then every hour) and when the clock's offset changes, so the table
 * never re-renders for time passing; it has no shadow root and no timer while
 * disconnected.
 */

import { serverClock } from "./clock.js";
import { nextChange, relativeTime } from "./format.js";
import { defineElement } from "./ui.js";

export class ProvisioningRelativeTime extends HTMLElement {
  private iso = "";
  private locale = "en";
  private timer: number | undefined;
  private readonly onClock = (): void => this.refresh();

  get datetime(): string {
    return this.iso;
  }

  set datetime(value: string) {
    if (value !== this.iso) {
      this.iso = value;
      this.refresh();
    }
  }

  get language(): string {
    return this.locale;
  }

  set language(value: string) {
    if (value !== this.locale) {
      this.locale = value;
      this.refresh();
    }
  }

  connectedCallback(): void {
    serverClock.addEventListener("change", this.onClock);
    this.refresh();
  }

  disconnectedCallback(): void {
    serverClock.removeEventListener("change", this.onClock);
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Show the time against the server's "now" and plan the next refresh. */
  refresh(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.isConnected) {
      return;
    }
    const now = serverClock.now();
    const text = relativeTime(this.iso, now, this.locale);
    if (this.textContent !== text) {
      this.textContent = text;
    }
    this.timer = window.setTimeout(() => this.refresh(), nextChange(this.iso, now) + 20);
  }
}

defineElement("provisioning-relative-time", ProvisioningRelativeTime);

declare global {
  interface HTMLElementTagNameMap {
    "provisioning-relative-time": ProvisioningRelativeTime;
  }
}
