// Finds a Chromium for Playwright on this machine (Playwright's own download is not needed).
import { existsSync } from "node:fs";

const candidates = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
].filter(Boolean);

/** The path of a Chromium-family browser, or null. */
export function findChromium() {
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const HOW_TO_GET_CHROMIUM =
  "No Chromium found. On Debian or Ubuntu: sudo apt-get install -y chromium. " +
  "Elsewhere: npx playwright install chromium. Or point CHROMIUM_PATH at a Chromium or Chrome binary.";

// `node scripts/find-chromium.mjs --check` exits 0 when a browser is found (used by .ci/run).
if (process.argv.includes("--check")) {
  const found = findChromium();
  console.log(found ?? HOW_TO_GET_CHROMIUM);
  process.exit(found ? 0 : 1);
}
