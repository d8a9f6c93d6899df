// Bundles the benchmark (TypeScript, extension-less imports) into one ES module and runs it. The
// bundle sits in bench/.cache so that its package imports (TensorFlow.js) resolve to bench/node_modules,
// the benchmark's own install, which the course does not need.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";

await build({
  entryPoints: ["bench/run.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  outfile: "bench/.cache/run.mjs",
  packages: "external",
  logLevel: "warning",
});
const r = spawnSync(process.execPath, ["--expose-gc", "bench/.cache/run.mjs"], { stdio: "inherit" });
process.exit(r.status ?? 1);
