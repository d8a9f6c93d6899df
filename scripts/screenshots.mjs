// Screenshots of every built page in light, dark and at phone width, for looking at the course as
// a reader would: `npm run build && node scripts/screenshots.mjs [out-dir]` (serves dist/ itself).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { findChromium } from "./find-chromium.mjs";

const out = process.argv[2] ?? "test-results/screenshots";
const only = process.argv[3];
const port = 4450;
mkdirSync(out, { recursive: true });
const server = spawn("npx", ["astro", "preview", "--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore", detached: true });
await new Promise((r) => setTimeout(r, 3000));
const pages = (await import("../tests/e2e/pages.ts").catch(() => null))?.builtPages?.() ?? ["./"];
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const path of pages.filter((p) => !only || p.includes(only))) {
    for (const [name, theme, width] of [
      ["light", "light", 1280],
      ["dark", "dark", 1280],
      ["phone", "light", 360],
    ]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), theme);
      await page.goto(`http://127.0.0.1:${port}/${path === "./" ? "" : path}`);
      for (const w of await page.locator("[data-widget]").all()) {
        await w.scrollIntoViewIfNeeded();
        await page.waitForSelector("[data-widget][data-hydrated]", { timeout: 10_000 }).catch(() => {});
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = `${out}/${path.replace(/[^\w]+/g, "_") || "home"}-${name}.png`;
      await page.screenshot({ path: file, fullPage: true });
      await page.close();
      console.log(file);
    }
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
