// After the build, gives every HTML page its Content-Security-Policy meta tag (see csp.mjs).
// Astro's own `security.csp` leaves Starlight's inline scripts unhashed, so they would be blocked.
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withPolicy } from "./csp.mjs";

function* htmlFiles(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* htmlFiles(p);
    else if (name.endsWith(".html")) yield p;
  }
}

export default function cspIntegration() {
  return {
    name: "course-csp",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        let n = 0;
        for (const file of htmlFiles(fileURLToPath(dir))) {
          writeFileSync(file, withPolicy(readFileSync(file, "utf8")));
          n++;
        }
        logger.info(`Content-Security-Policy added to ${n} pages`);
      },
    },
  };
}
