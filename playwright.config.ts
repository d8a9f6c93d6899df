import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/find-chromium.mjs";

const PORT = Number(process.env.PORT ?? 4321);
const BASE_PATH = (process.env.BASE_PATH ?? "/").replace(/\/?$/, "/");

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 120_000,
  // A first Run loads the notebook, its sandbox and the engine: on the 2-core CI machine, with two browsers busy, that
  // once took longer than Playwright's default 5 s (cells.spec, "Run all above"). Waits end as soon as they hold.
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Service workers precache the whole course; only the offline spec lets them run.
  use: { baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`, serviceWorkers: "block" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: findChromium() ?? undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // --ignore-lock: Astro allows one preview per project unless told otherwise; the root and sub-path
    // runs, and several people testing at once, each need their own.
    command: `npx astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
