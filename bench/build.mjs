// Bundles the benchmark (TypeScript, extension-less imports) into one ES module and runs it.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";

await build({
  entryPoints: ["bench/run.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  outfile: "node_modules/.cache/bench/run.mjs",
  packages: "external",
  logLevel: "warning",
});
const r = spawnSync(process.execPath, ["--expose-gc", "node_modules/.cache/bench/run.mjs"], { stdio: "inherit" });
process.exit(r.status ?? 1);
