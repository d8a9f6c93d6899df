// Records what a page does wrong while it loads: console errors, uncaught exceptions, failed
// requests, requests to other origins, and Content-Security-Policy violations.
import type { Page } from "@playwright/test";

export interface Problems {
  console: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

export function watch(page: Page, origin: string): Problems {
  const p: Problems = { console: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") p.console.push(m.text());
  });
  page.on("pageerror", (e) => p.pageErrors.push(String(e)));
  page.on("requestfailed", (r) => p.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/404.html") && !r.url().includes("/no-such-page"))
      p.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) p.foreignRequests.push(r.url());
  });
  return p;
}

/** Makes CSP violations visible as console errors (Chromium reports them there too). */
export async function reportCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}
