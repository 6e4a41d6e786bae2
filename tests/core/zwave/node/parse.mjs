// Runs zwave-js's own parsers on a batch of inputs, for the differential tests.
// stdin: a JSON array of {"qr": text} or {"dsk": text}; stdout: a JSON array of
// {"ok": true, "result": ...} or {"ok": false, "error": message, "zwave": bool}
// ("zwave" tells a ZWaveError, the refusal of bad input, from anything else).
import { ZWaveError, dskFromString, dskToString, isValidDSK, parseQRCodeString } from "@zwave-js/core";

async function one(item) {
  try {
    if ("qr" in item) {
      return { ok: true, result: await parseQRCodeString(item.qr) };
    }
    if (!isValidDSK(item.dsk)) {
      return { ok: false, error: "invalid DSK", zwave: true };
    }
    return { ok: true, result: dskToString(dskFromString(item.dsk)) };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error), zwave: error instanceof ZWaveError };
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const items = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const answers = [];
for (const item of items) answers.push(await one(item));
process.stdout.write(JSON.stringify(answers));
