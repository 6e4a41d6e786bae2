/**
 * Shapes shared by the panel: the objects of the websocket API
 * (docs/websocket-api.md) and the small part of Home Assistant's `hass`
 * object the panel uses. No value here ever holds an install code or a link
 * key: the API never sends one, and the panel only sends them.
 */

export type EntryStatus = "pending" | "admitting" | "joined" | "failed" | "revoked";

export const STATUSES: readonly EntryStatus[] = [
  "pending",
  "admitting",
  "joined",
  "failed",
  "revoked",
];

export interface Entry {
  ieee: string;
  key_type: "install_code" | "link_key";
  name: string | null;
  area: string | null;
  area_id: string | null;
  manufacturer: string | null;
  model: string | null;
  provider: string;
  provider_title: string;
  status: EntryStatus;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
  editable: boolean;
  device_id: string | null;
}

export interface AdmissionWindow {
  open: boolean;
  ends_at: string | null;
  duration: number | null;
  keys_loaded: number;
  waiting: number;
  install_code_only: boolean;
  continuous: boolean;
  guard: boolean;
}

export interface Provider {
  id: string;
  title: string;
}

export interface Coordinator {
  config_entry_id: string;
  title: string;
  ieee: string;
  radio: string;
}

export interface ParsedCode {
  ieee: string;
  format: string;
  key_type: "install_code" | "link_key";
  model: string | null;
}

export interface ImportError {
  line: number;
  error: string;
  ieee?: string;
  /** The other network's list, for `listed_on_other_network`. */
  title?: string;
}

export interface ImportResult {
  added: number;
  errors: ImportError[];
}

export type SubscriptionEvent =
  | {
      type: "snapshot";
      /** The server's time when it sent the snapshot (ISO 8601; older versions send none). */
      now?: string;
      entries: Entry[];
      window: AdmissionWindow;
      providers: Provider[];
    }
  | { type: "entries"; changed: Entry[]; removed: string[] }
  | { type: "window"; window: AdmissionWindow }
  | { type: "providers"; providers: Provider[] };

/** The error a websocket command rejects with. */
export interface BackendError {
  code?: string;
  message?: string;
  translation_key?: string;
  translation_domain?: string;
  translation_placeholders?: Record<string, string>;
}

export type LocalizeFunc = (key: string, values?: Record<string, unknown>) => string;

export interface ExternalBusMessage {
  id?: number;
  type: string;
  command?: string;
  payload?: Record<string, unknown>;
  success?: boolean;
  result?: unknown;
}

export interface ExternalApp {
  config?: { hasBarCodeScanner?: number };
  fireMessage(msg: ExternalBusMessage): void;
}

export interface Area {
  area_id: string;
  name: string;
}

export interface HomeAssistant {
  connection: {
    subscribeMessage<T>(
      callback: (message: T) => void,
      message: Record<string, unknown>,
    ): Promise<() => Promise<void>>;
  };
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  language?: string;
  locale?: { language?: string };
  areas?: Record<string, Area>;
  localize: LocalizeFunc;
  loadBackendTranslation(
    category: string,
    integration?: string,
  ): Promise<LocalizeFunc | unknown>;
  auth?: { external?: ExternalApp };
}

declare global {
  interface Window {
    externalBus?: (message: ExternalBusMessage) => void;
  }
}
