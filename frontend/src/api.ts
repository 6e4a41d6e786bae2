/**
 * The panel's only way to talk to the integration: the websocket commands of
 * docs/websocket-api.md. Rules: every command carries the chosen coordinator's
 * `config_entry_id` when one is chosen; keys (and a Z-Wave DSK with its PIN)
 * are sent, never kept; an entry is named by its `id` (by its IEEE address
 * when an older backend gave no `id`); backend
 * errors are shown through the integration's translated `exceptions`, falling
 * back to the error's own message; a message larger than Home Assistant's
 * websocket takes is never sent (it would close the connection).
 */

import type {
  AdmissionWindow,
  BackendError,
  Coordinator,
  Entry,
  HomeAssistant,
  ImportResult,
  LocalizeFunc,
  ParsedCode,
  SecurityClass,
  SubscriptionEvent,
} from "./types.js";

export const DOMAIN = "provisioning";

/**
 * The largest websocket message Home Assistant reads: its websocket
 * (homeassistant/components/websocket_api/http.py) is aiohttp's
 * `WebSocketResponse` with the default `max_msg_size`, 4 MiB; a larger message
 * closes the connection (close code 1009, "message too big").
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** The size of `message` as sent (UTF-8 JSON), with room for the id the connection adds. */
export function messageBytes(message: Record<string, unknown>): number {
  return new TextEncoder().encode(JSON.stringify({ ...message, id: 2 ** 53 })).length;
}

export interface AddFields {
  qr_code?: string;
  ieee?: string;
  install_code?: string;
  link_key?: string;
  /** Z-Wave: the typed DSK (eight groups of five digits, PIN included). */
  dsk?: string;
  security_classes?: SecurityClass[];
  name?: string;
  area_id?: string;
}

/**
 * How a command names an entry: its `id` sent as `device` (a websocket
 * message's own `id` is its number), or its IEEE address for an older backend.
 */
export type EntryRef = { device: string } | { ieee: string };

export function entryRef(entry: Pick<Entry, "id" | "ieee">): EntryRef {
  return entry.id ? { device: entry.id } : { ieee: entry.ieee ?? "" };
}

export interface UpdateFields {
  name?: string | null;
  area_id?: string | null;
  install_code?: string;
  link_key?: string;
}

export class ProvisioningApi {
  constructor(
    private readonly hass: HomeAssistant,
    private readonly configEntryId: string | undefined,
  ) {}

  private message(type: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
    const message: Record<string, unknown> = { type: `${DOMAIN}/${type}`, ...fields };
    if (this.configEntryId) {
      message.config_entry_id = this.configEntryId;
    }
    return message;
  }

  private call<T>(type: string, fields: Record<string, unknown> = {}): Promise<T> {
    return this.hass.callWS<T>(this.message(type, fields));
  }

  subscribe(callback: (event: SubscriptionEvent) => void): Promise<() => Promise<void>> {
    const message: Record<string, unknown> = { type: `${DOMAIN}/entries/subscribe` };
    if (this.configEntryId) {
      message.config_entry_id = this.configEntryId;
    }
    return this.hass.connection.subscribeMessage<SubscriptionEvent>(callback, message);
  }

  async coordinators(): Promise<Coordinator[]> {
    const result = await this.hass.callWS<{ coordinators: Coordinator[] }>({
      type: `${DOMAIN}/coordinators`,
    });
    return result.coordinators;
  }

  /** What a label says; not about any list, so it carries no config_entry_id. */
  parse(qrCode: string): Promise<ParsedCode> {
    return this.hass.callWS<ParsedCode>({ type: `${DOMAIN}/code/parse`, qr_code: qrCode });
  }

  async add(fields: AddFields): Promise<Entry> {
    return (await this.call<{ entry: Entry }>("entries/add", clean(fields))).entry;
  }

  async update(ref: EntryRef, fields: UpdateFields): Promise<Entry> {
    return (await this.call<{ entry: Entry }>("entries/update", { ...ref, ...fields })).entry;
  }

  async remove(ref: EntryRef): Promise<void> {
    await this.call<unknown>("entries/remove", { ...ref });
  }

  /** Take an entry Z-Wave JS holds (`source: "zwave_js"`) into the list; the entry as listed now, if the backend says. */
  async adopt(id: string): Promise<Entry | undefined> {
    const result = await this.call<{ entry?: Entry } | null>("entries/adopt", { device: id });
    return result?.entry ?? undefined;
  }

  /** The size of the import command for `csv`, as sent. */
  importBytes(csv: string): number {
    return messageBytes(this.message("entries/import", { csv }));
  }

  importCsv(csv: string): Promise<ImportResult> {
    return this.call<ImportResult>("entries/import", { csv });
  }

  async startWindow(duration?: number): Promise<AdmissionWindow> {
    const fields = duration === undefined ? {} : { duration };
    return (await this.call<{ window: AdmissionWindow }>("window/start", fields)).window;
  }

  async stopWindow(): Promise<AdmissionWindow> {
    return (await this.call<{ window: AdmissionWindow }>("window/stop")).window;
  }

  async setGuard(enabled: boolean): Promise<AdmissionWindow> {
    return (await this.call<{ window: AdmissionWindow }>("guard/set", { enabled })).window;
  }
}

/** Leave out empty optional fields: the backend takes a missing field as "not given". */
function clean(fields: AddFields): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.trim() !== "") {
      out[key] = value.trim();
    } else if (Array.isArray(value)) {
      // A list of names is sent as chosen, an empty one too ("no class").
      out[key] = [...(value as string[])];
    }
  }
  return out;
}

let exceptionsLoaded: Promise<LocalizeFunc | undefined> | undefined;

/** Load the integration's translated exceptions once per page. */
export function loadExceptions(hass: HomeAssistant): Promise<LocalizeFunc | undefined> {
  exceptionsLoaded ??= hass
    .loadBackendTranslation("exceptions", DOMAIN)
    .then((result) => (typeof result === "function" ? (result as LocalizeFunc) : undefined))
    .catch(() => undefined);
  return exceptionsLoaded;
}

/** The field a backend error is about (`qr_code`, `ieee`, `install_code`, `link_key`, `dsk`, `security_classes`), if any. */
export function errorField(error: unknown): string | undefined {
  const field = (error as BackendError | undefined)?.translation_placeholders?.field;
  return typeof field === "string" ? field : undefined;
}

/** The translated text of a backend error. */
export async function errorMessage(hass: HomeAssistant, error: unknown): Promise<string> {
  const err = (error ?? {}) as BackendError;
  if (err.translation_key) {
    const loaded = await loadExceptions(hass);
    const localize = loaded ?? hass.localize;
    const text = localize(
      `component.${DOMAIN}.exceptions.${err.translation_key}.message`,
      err.translation_placeholders,
    );
    if (text) {
      return text;
    }
  }
  if (typeof err.message === "string" && err.message) {
    return err.message;
  }
  return error instanceof Error ? error.message : String(error);
}
