/** Small helpers shared by the panel's elements. */

import { svg, type SVGTemplateResult } from "lit";

/** Define a custom element once, even when the module is loaded twice (another ?v=). */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

/** An inline Material Design icon, hidden from assistive technology. */
export function icon(path: string): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
}

/** Fire a composed, bubbling event from `target`. */
export function fire<T>(target: EventTarget, type: string, detail?: T): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Navigate inside Home Assistant's frontend. */
export function navigate(path: string): void {
  history.pushState(null, "", path);
  window.dispatchEvent(new CustomEvent("location-changed"));
}
