/**
 * Shared styles. Rules: colours come only from Home Assistant's theme
 * variables (with light-theme fallbacks), so the panel follows light and dark
 * themes; no HA-internal element is needed.
 */

import { css } from "lit";

export const baseStyles = css`
  :host {
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, Roboto, "Noto Sans", sans-serif));
    color: var(--primary-text-color, #212121);
    -webkit-font-smoothing: antialiased;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    font-weight: 500;
    border-radius: 18px;
    border: 1px solid transparent;
    padding: 0 16px;
    min-height: 36px;
    cursor: pointer;
    background: transparent;
    color: var(--primary-color, #03a9f4);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  button.primary {
    background: var(--primary-color, #03a9f4);
    color: var(--text-primary-color, #fff);
  }
  button.outlined {
    border-color: var(--outline-color, var(--divider-color, rgba(0, 0, 0, 0.12)));
  }
  button.danger {
    color: var(--error-color, #db4437);
  }
  button.primary.danger {
    background: var(--error-color, #db4437);
    color: var(--text-primary-color, #fff);
  }
  button.icon {
    width: 40px;
    height: 40px;
    min-height: 40px;
    padding: 8px;
    border-radius: 50%;
    color: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.icon svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  /* Hover only where there is a pointer that hovers: on touch it would stick after a tap. */
  @media (hover: hover) {
    button:not(:disabled):hover {
      background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 8%, transparent);
    }
    button.primary:not(:disabled):hover {
      background-color: color-mix(in srgb, var(--primary-color, #03a9f4) 88%, black);
    }
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.85em;
    color: var(--secondary-text-color, #727272);
  }
  input[type="text"],
  input[type="password"],
  input[type="search"],
  select,
  textarea {
    font: inherit;
    font-size: 1rem;
    color: var(--primary-text-color, #212121);
    background: var(--input-fill-color, var(--secondary-background-color, #f5f5f5));
    border: 1px solid transparent;
    border-bottom: 1px solid var(--input-idle-line-color, var(--secondary-text-color, #727272));
    border-radius: 4px 4px 0 0;
    padding: 8px 12px;
    min-height: 40px;
    width: 100%;
  }
  /* A focused field shows Home Assistant's thick primary-coloured underline, not an outline. */
  input[type="text"]:focus,
  input[type="password"]:focus,
  input[type="search"]:focus,
  select:focus,
  textarea:focus {
    outline: none;
    border-bottom-color: var(--primary-color, #03a9f4);
    box-shadow: inset 0 -1px 0 var(--primary-color, #03a9f4);
  }
  input[aria-invalid="true"],
  select[aria-invalid="true"] {
    border-bottom: 2px solid var(--error-color, #db4437);
  }
  input[aria-invalid="true"]:focus,
  select[aria-invalid="true"]:focus {
    border-bottom-color: var(--error-color, #db4437);
    box-shadow: none;
  }
  .field-error {
    color: var(--error-color, #db4437);
    font-size: 0.85rem;
  }
  .alert {
    border-radius: 4px;
    padding: 8px 12px;
    margin: 8px 0;
    background: color-mix(in srgb, var(--error-color, #db4437) 12%, transparent);
    color: var(--primary-text-color, #212121);
    border-left: 4px solid var(--error-color, #db4437);
  }
  .alert.ok {
    background: color-mix(in srgb, var(--success-color, #43a047) 12%, transparent);
    border-left-color: var(--success-color, #43a047);
  }
  .alert.info {
    background: color-mix(in srgb, var(--info-color, #039be5) 12%, transparent);
    border-left-color: var(--info-color, #039be5);
  }
  .secondary {
    color: var(--secondary-text-color, #727272);
  }
  .mono {
    font-family: var(--ha-font-family-code, ui-monospace, "Roboto Mono", monospace);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

export const dialogStyles = css`
  dialog {
    border: none;
    border-radius: var(--ha-dialog-border-radius, 24px);
    padding: 0;
    width: min(560px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    background: var(--card-background-color, var(--ha-card-background, #fff));
    color: var(--primary-text-color, #212121);
    box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35);
  }
  dialog::backdrop {
    background: rgba(0, 0, 0, 0.45);
  }
  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 16px 24px;
  }
  .dialog-head {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 16px 16px 0 24px;
  }
  .dialog-head h2 {
    flex: 1;
    margin: 0;
    font-size: 1.4rem;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px 24px 20px;
  }
  @media (max-width: 600px) {
    dialog,
    dialog:modal {
      width: 100vw;
      max-width: 100vw;
      height: 100%;
      max-height: 100%;
      border-radius: 0;
    }
  }
`;

/** Material Design icon paths used by the panel. */
export const ICONS = {
  menu: "M3,6H21V8H3V6M3,11H21V13H3V11M3,16H21V18H3V16Z",
  close:
    "M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z",
  pencil:
    "M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z",
  delete: "M19,4H15.5L14.5,3H9.5L8.5,4H5V6H19M6,19A2,2 0 0,0 8,21H16A2,2 0 0,0 18,19V7H6V19Z",
  openInNew:
    "M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z",
  plus: "M19,13H13V19H11V13H5V11H11V5H13V11H19V13Z",
  camera:
    "M4,4H7L9,2H15L17,4H20A2,2 0 0,1 22,6V18A2,2 0 0,1 20,20H4A2,2 0 0,1 2,18V6A2,2 0 0,1 4,4M12,7A5,5 0 0,0 7,12A5,5 0 0,0 12,17A5,5 0 0,0 17,12A5,5 0 0,0 12,7M12,9A3,3 0 0,1 15,12A3,3 0 0,1 12,15A3,3 0 0,1 9,12A3,3 0 0,1 12,9Z",
  upload: "M9,16V10H5L12,3L19,10H15V16H9M5,20V18H19V20H5Z",
  eye: "M12,9A3,3 0 0,0 9,12A3,3 0 0,0 12,15A3,3 0 0,0 15,12A3,3 0 0,0 12,9M12,17A5,5 0 0,1 7,12A5,5 0 0,1 12,7A5,5 0 0,1 17,12A5,5 0 0,1 12,17M12,4.5C7,4.5 2.73,7.61 1,12C2.73,16.39 7,19.5 12,19.5C17,19.5 21.27,16.39 23,12C21.27,7.61 17,4.5 12,4.5Z",
  eyeOff:
    "M11.83,9L15,12.16C15,12.11 15,12.05 15,12A3,3 0 0,0 12,9C11.94,9 11.89,9 11.83,9M7.53,9.8L9.08,11.35C9.03,11.56 9,11.77 9,12A3,3 0 0,0 12,15C12.22,15 12.44,14.97 12.65,14.92L14.2,16.47C13.53,16.8 12.79,17 12,17A5,5 0 0,1 7,12C7,11.21 7.2,10.47 7.53,9.8M2,4.27L4.28,6.55L4.73,7C3.08,8.3 1.78,10 1,12C2.73,16.39 7,19.5 12,19.5C13.55,19.5 15.03,19.2 16.38,18.66L16.81,19.08L19.73,22L21,20.73L3.27,3M12,7A5,5 0 0,1 17,12C17,12.64 16.87,13.26 16.64,13.82L19.57,16.75C21.07,15.5 22.27,13.86 23,12C21.27,7.61 17,4.5 12,4.5C10.6,4.5 9.26,4.75 8,5.2L10.17,7.35C10.74,7.13 11.35,7 12,7Z",
  sortAsc: "M7,15L12,10L17,15H7Z",
  sortDesc: "M7,10L12,15L17,10H7Z",
} as const;
