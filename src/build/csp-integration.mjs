// After the build, gives every HTML page its Content-Security-Policy meta tag (see csp.mjs).
// Astro's own `security.csp` leaves Starlight's inline scripts unhashed, so they would be blocked.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withPolicy } from "./csp.mjs";
import { filesUnder } from "./walk.mjs";

export default function cspIntegration() {
  return {
    name: "course-csp",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        let n = 0;
        for (const file of filesUnder(fileURLToPath(dir), ".html")) {
          writeFileSync(file, withPolicy(readFileSync(file, "utf8")));
          n++;
        }
        logger.info(`Content-Security-Policy added to ${n} pages`);
      },
    },
  };
}
