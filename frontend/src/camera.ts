/**
 * Why the live camera cannot be used, from the browser's error. Rules: the
 * panel never shows a browser error name; each case has its own translated
 * text (strings.ts `scan_<problem>`) and the Photo way is offered with it.
 */

export type CameraProblem = "insecure" | "no_camera" | "denied" | "in_use" | "unavailable";

/** getUserMedia's DOMException names (and older Chromium aliases) by case. */
const PROBLEMS: Record<string, CameraProblem> = {
  NotFoundError: "no_camera",
  DevicesNotFoundError: "no_camera",
  OverconstrainedError: "no_camera",
  ConstraintNotSatisfiedError: "no_camera",
  NotAllowedError: "denied",
  PermissionDeniedError: "denied",
  SecurityError: "denied",
  NotReadableError: "in_use",
  TrackStartError: "in_use",
  AbortError: "in_use",
};

/** The case of a failed camera start (`unavailable` when it is none of the known ones). */
export function cameraProblem(error: unknown): CameraProblem {
  const name = (error as { name?: unknown } | null)?.name;
  return (typeof name === "string" && PROBLEMS[name]) || "unavailable";
}
