/**
 * Shapes shared by the panel: the objects of the websocket API
 * (docs/websocket-api.md) and the small part of Home Assistant's `hass`
 * object the panel uses. No value here ever holds an install code, a link
 * key or a Z-Wave PIN: the API never sends one (a DSK comes masked,
 * `xxxxx-23456-…`), and the panel only sends them.
 * Fields an older backend does not send are optional: an entry without
 * `technology` is Zigbee, one without `id` is known by its IEEE address.
 */

export type Technology = "zigbee" | "zwave";

export const TECHNOLOGIES: readonly Technology[] = ["zigbee", "zwave"];

/** zwave-js's names of the security classes. */
export type SecurityClass =
  | "S2_AccessControl"
  | "S2_Authenticated"
  | "S2_Unauthenticated"
  | "S0_Legacy";

export const SECURITY_CLASSES: readonly SecurityClass[] = [
  "S2_AccessControl",
  "S2_Authenticated",
  "S2_Unauthenticated",
  "S0_Legacy",
];

export type ZWaveProtocol = "zwave" | "zwave_long_range";

export type KeyType = "install_code" | "link_key" | "dsk";

export type EntryStatus = "pending" | "admitting" | "joined" | "failed" | "revoked";

export const STATUSES: readonly EntryStatus[] = [
  "pending",
  "admitting",
  "joined",
  "failed",
  "revoked",
];

export interface Entry {
  /** "zigbee" when absent (an older backend). */
  technology?: Technology;
  /** The public identity: the IEEE address, or the masked DSK; absent from older backends. */
  id?: string;
  /** Zigbee's IEEE address; null for Z-Wave. */
  ieee: string | null;
  key_type: KeyType;
  /** Z-Wave: the DSK with its PIN masked (`xxxxx-23456-…`). */
  dsk?: string | null;
  security_classes?: SecurityClass[] | null;
  zwave_protocol?: ZWaveProtocol | null;
  /** Z-Wave: the node, once included. */
  node_id?: number | null;
  /** "zwave_js": held by Z-Wave JS, not created here (read-only, adoptable). */
  source?: "list" | "zwave_js";
  adoptable?: boolean;
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
  /** "zigbee" when absent (an older backend). */
  technology?: Technology;
  /** Zigbee's coordinator IEEE; null for Z-Wave. */
  ieee: string | null;
  /** Z-Wave: the network's home ID (8 hex digits). */
  home_id?: string | null;
  radio: string;
}

/** What a label says (`provisioning/code/parse`): never a key, never a PIN. */
export interface ParsedCode {
  technology?: Technology;
  id?: string;
  ieee: string | null;
  format: string;
  key_type: KeyType;
  model: string | null;
  /** Z-Wave: the masked DSK. */
  dsk?: string | null;
  security_classes?: SecurityClass[] | null;
  zwave_protocol?: ZWaveProtocol | null;
}

export interface ImportError {
  line: number;
  error: string;
  ieee?: string;
  /** The entry's public identity (the masked DSK of a Z-Wave row). */
  id?: string;
  /** The other network's list, for `listed_on_other_network`. */
  title?: string;
  /** The other placeholders of the error's translated text (`field`, `max`, `limit`, …). */
  [placeholder: string]: string | number | undefined;
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
  /** `removed` lists ids (IEEE addresses from an older backend). */
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
