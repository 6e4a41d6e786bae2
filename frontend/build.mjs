// Bundle the panel: node build.mjs OUT_DIR
// Writes OUT_DIR/provisioning-panel.js (ESM, minified, the same bytes for the
// same sources and lock file) and OUT_DIR/zxing_reader.wasm (zxing-wasm's
// reader, loaded by the panel from next to its module, never from a CDN).
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, "..", "custom_components", "provisioning", "frontend"));
const require = createRequire(import.meta.url);

await mkdir(out, { recursive: true });
await build({
  absWorkingDir: here,
  entryPoints: ["src/provisioning-panel.ts"],
  outfile: path.join(out, "provisioning-panel.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  minify: true,
  charset: "utf8",
  legalComments: "eof",
  sourcemap: false,
  logLevel: "warning",
});
await copyFile(require.resolve("zxing-wasm/reader/zxing_reader.wasm"), path.join(out, "zxing_reader.wasm"));
