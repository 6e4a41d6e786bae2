/**
 * The panel's own texts. Rules: every text the panel shows comes from here by
 * key (backend errors come from the integration's translations instead);
 * `{name}` marks a placeholder. A language is one object with every key of
 * `en`; a missing language falls back to English, key by key.
 */

const en = {
  title: "Provisioning",
  menu: "Open the sidebar",
  loading: "Loading the provisioning list…",
  retry: "Retry",
  coordinator: "Network",
  // Technologies and Z-Wave
  tech_zigbee: "Zigbee",
  tech_zwave: "Z-Wave",
  class_S2_AccessControl: "S2 Access Control",
  class_S2_Authenticated: "S2 Authenticated",
  class_S2_Unauthenticated: "S2 Unauthenticated",
  class_S0_Legacy: "S0 Legacy",
  protocol_zwave: "Z-Wave",
  protocol_zwave_long_range: "Z-Wave Long Range",
  node: "Node {node}",
  // Header
  admit: "Admit provisioned devices",
  stop: "Stop",
  duration: "How long to admit",
  minutes: "{count} min",
  window_open: "Open",
  window_closed: "Closed",
  window_continuous: "Continuous",
  window_state: "Admission: {state}",
  window_remaining: "{time} left",
  keys_loaded: "{count} keys loaded",
  keys_waiting: "{count} waiting",
  install_code_only: "The radio admits only devices with an install code",
  guard: "Only admit provisioned devices",
  // Table
  search: "Search name, IEEE, DSK or area",
  filter_status: "Status",
  filter_technology: "Technology",
  filter_all: "All",
  filter_all_technologies: "All technologies",
  col_name: "Name",
  col_technology: "Technology",
  col_ieee: "IEEE / DSK",
  col_area: "Area",
  col_status: "Status",
  col_provider: "Provider",
  col_updated: "Last change",
  col_actions: "Actions",
  sort_by: "Sort by {column}",
  status_pending: "Pending",
  status_admitting: "Admitting",
  status_joined: "Joined",
  status_failed: "Failed",
  status_revoked: "Revoked",
  reason_interview_timeout: "Joined but did not complete its interview in time",
  no_entries: "No device is on the provisioning list yet.",
  no_match: "No device matches.",
  count: "{shown} of {total} devices",
  unnamed: "Unnamed device",
  managed_by: "Managed by {title}",
  from_zwave_js: "From Z-Wave JS",
  adopt: "Adopt",
  adopt_hint: "Take this device into the provisioning list",
  edit: "Edit",
  delete: "Delete",
  open_device: "Open device",
  add: "Add devices",
  // Dialogs
  close: "Close",
  cancel: "Cancel",
  save: "Save",
  edit_title: "Edit {name}",
  name: "Name",
  area: "Area",
  no_area: "No area",
  new_key: "New key (optional)",
  key_unchanged: "Leave empty to keep the current key.",
  install_code: "Install code",
  link_key: "Link key",
  delete_title: "Delete {name}?",
  delete_text:
    "{ieee} leaves the provisioning list and its key leaves the coordinator. The device, if it joined, stays in Home Assistant.",
  delete_text_zwave:
    "{dsk} leaves the provisioning list and the Z-Wave controller's SmartStart list. The device, if it was included, stays in Home Assistant.",
  // Add dialog
  add_title: "Add devices",
  tab_scan: "Scan",
  tab_photo: "Photo",
  tab_type: "Type",
  tab_import: "Import CSV",
  ways: "Ways to add",
  scan_hint: "Hold the label's QR or Data Matrix code in front of the camera.",
  scan_hint_zwave: "Hold the label's Z-Wave SmartStart QR code in front of the camera.",
  scan_insecure:
    "The browser allows the camera only over HTTPS or on localhost. Take a photo of the label instead.",
  scan_no_camera: "No camera was found on this device. Take a photo of the label instead.",
  scan_denied:
    "The browser was not allowed to use the camera. Allow it in the site settings, or take a photo of the label instead.",
  scan_in_use:
    "The camera is in use by another app or could not be started. Close that app and try again, or take a photo of the label instead.",
  scan_unavailable: "The camera could not be started. Take a photo of the label instead.",
  scan_paused: "Scanning goes on after Add or Skip.",
  scan_starting: "Starting the camera…",
  scan_app: "Scan with the app",
  scan_app_hint: "The Home Assistant app opens its own scanner.",
  scan_app_title: "Scan a device label",
  scan_app_description: "Point the camera at the QR or Data Matrix code on the device.",
  scan_app_alternative: "Type the code",
  scan_wrong_format: "Only QR and Data Matrix codes can be read.",
  use_photo: "Take a photo instead",
  photo_hint: "Take or choose a photo of the label's QR or Data Matrix code.",
  photo_hint_zwave: "Take or choose a photo of the label's Z-Wave SmartStart QR code.",
  photo_pick: "Choose a photo",
  file_none: "No file chosen",
  photo_none: "No QR or Data Matrix code was found in this photo.",
  photo_bad: "This file could not be read as an image.",
  decoding: "Reading the code…",
  read_title: "Read from the label",
  read_format: "Format",
  read_key_install_code: "Install code ••••",
  read_key_link_key: "Link key ••••",
  read_model: "Model",
  read_dsk: "DSK",
  format_smartstart: "Z-Wave SmartStart",
  read_classes: "Security classes",
  read_protocol: "Protocol",
  read_no_classes: "None",
  wrong_network_zwave: "This is a Z-Wave code. Choose a Z-Wave network to add it.",
  wrong_network_zigbee: "This is a Zigbee code. Choose a Zigbee network to add it.",
  skip: "Skip",
  add_device: "Add",
  added: "{name} added.",
  already_listed: "{ieee} is already on the provisioning list.",
  type_mode: "What to type",
  type_qr: "QR code text",
  type_fields: "IEEE and key",
  type_dsk: "Z-Wave DSK",
  dsk: "DSK",
  dsk_hint: "Eight groups of five digits: {format}",
  dsk_format: "The DSK must be eight groups of five digits, such as {format}.",
  dsk_group: "Group {group} of the DSK is over 65535. Check the DSK for a typing error.",
  security_classes: "Security classes to grant",
  qr_code: "QR code text",
  ieee: "IEEE address",
  key_type: "Key type",
  key: "Key",
  show_secret: "Show",
  hide_secret: "Hide",
  import_hint:
    "A CSV file with a header line: ieee, install_code or link_key, and optionally name and area.",
  import_hint_zwave:
    "A CSV file with a header line: qr_code, or dsk and security_classes (names separated by spaces), and optionally name and area.",
  import_pick: "Choose a CSV file",
  import_added: "{count} added",
  import_line: "Line {line}",
  import_none: "Nothing was imported.",
  import_too_large:
    "{file} is too large to send ({size}): Home Assistant takes at most {limit} in one message. Split it into smaller files.",
} as const;

export type StringKey = keyof typeof en;
type Strings = Record<StringKey, string>;

const LANGUAGES: Record<string, Partial<Strings>> = { en };

/** The panel's texts in `language` (e.g. "en", "en-GB"), falling back to English. */
export function panelLocalize(
  language: string | undefined,
): (key: StringKey, values?: Record<string, string | number>) => string {
  const base = (language ?? "en").toLowerCase();
  const table = LANGUAGES[base] ?? LANGUAGES[base.split("-")[0]] ?? en;
  return (key, values) => {
    // An unknown key (a status newer than this panel) shows as itself.
    const text: string = table[key] ?? en[key] ?? key;
    if (!values) {
      return text;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

export type PanelLocalize = ReturnType<typeof panelLocalize>;

/** Whether the panel has a text for `key` (e.g. a status reason it knows). */
export function hasString(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}
