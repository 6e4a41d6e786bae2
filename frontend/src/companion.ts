/**
 * The Home Assistant companion app's native scanner. Rules: the app delivers
 * results through `window.externalBus`, which is wrapped only while scanning
 * and restored on close; only QR and Data Matrix results are taken; every
 * command the wrapper handles is acknowledged to the app.
 */

import type { LabelFormat } from "./decoder.js";
import type { ExternalApp, ExternalBusMessage, HomeAssistant } from "./types.js";

const ACCEPTED: Record<string, LabelFormat> = { qr_code: "qr_code", data_matrix: "data_matrix" };

export interface CompanionTexts {
  title: string;
  description: string;
  alternative_option_label: string;
}

export interface CompanionHandlers {
  onRead(text: string, format: LabelFormat | null): void;
  onAborted(reason: string): void;
}

/** The app, when it has a native bar code scanner. */
export function companionScanner(hass: HomeAssistant | undefined): ExternalApp | undefined {
  const external = hass?.auth?.external;
  return external?.config?.hasBarCodeScanner ? external : undefined;
}

export class CompanionScanner {
  private previous: Window["externalBus"];
  private wrapped = false;

  constructor(
    private readonly app: ExternalApp,
    private readonly handlers: CompanionHandlers,
  ) {}

  get scanning(): boolean {
    return this.wrapped;
  }

  open(texts: CompanionTexts): void {
    if (!this.wrapped) {
      this.previous = window.externalBus;
      window.externalBus = (message) => this.receive(message);
      this.wrapped = true;
    }
    this.app.fireMessage({ type: "bar_code/scan", payload: { ...texts } });
  }

  /** Show an error in the app's scanner, which keeps scanning. */
  notify(message: string): void {
    this.app.fireMessage({ type: "bar_code/notify", payload: { message } });
  }

  /** Close the app's scanner and give `window.externalBus` back. */
  close(): void {
    if (!this.wrapped) {
      return;
    }
    this.app.fireMessage({ type: "bar_code/close" });
    this.restore();
  }

  private restore(): void {
    if (this.wrapped) {
      window.externalBus = this.previous;
      this.previous = undefined;
      this.wrapped = false;
    }
  }

  private receive(message: ExternalBusMessage): void {
    const command = message.type === "command" ? message.command : undefined;
    if (command !== "bar_code/scan_result" && command !== "bar_code/aborted") {
      this.previous?.(message);
      return;
    }
    if (message.id !== undefined) {
      this.app.fireMessage({ id: message.id, type: "result", success: true, result: null });
    }
    const payload = message.payload ?? {};
    if (command === "bar_code/aborted") {
      this.restore();
      this.handlers.onAborted(String(payload.reason ?? "canceled"));
      return;
    }
    const format = ACCEPTED[String(payload.format)] ?? null;
    this.handlers.onRead(String(payload.rawValue ?? ""), format);
  }
}
