// Registers the service worker (src/build/offline-integration.mjs) and tells the reader, once, when
// the course has been saved for offline use, and when a new version is ready: Reload switches to it
// (the waiting worker takes over, then the page reloads), so no page ever mixes two versions.
import { Workbox } from "workbox-window";

interface OfflineStrings {
  ready: string;
  update: string;
  reload: string;
  dismiss: string;
}

const READY_SHOWN = "dl-offline-ready-shown";

/** A small status box at the bottom of the page, announced to screen readers. */
function notice(text: string, strings: OfflineStrings, action?: { label: string; run: () => void }): void {
  document.getElementById("dl-offline-notice")?.remove();
  const box = Object.assign(document.createElement("div"), { id: "dl-offline-notice", className: "dl-offline-notice" });
  box.setAttribute("role", "status");
  box.append(Object.assign(document.createElement("span"), { textContent: text }));
  const button = (label: string, run: () => void, name: string) => {
    const b = Object.assign(document.createElement("button"), { type: "button", textContent: label });
    b.setAttribute("data-offline", name);
    b.addEventListener("click", run);
    box.append(b);
  };
  if (action) button(action.label, action.run, "reload");
  button(strings.dismiss, () => box.remove(), "dismiss");
  document.body.append(box);
}

/** Starts the worker at `swUrl` (the site's base + sw.js) with the base as its scope. */
export function registerOffline(swUrl: string, scope: string, strings: OfflineStrings): void {
  if (!("serviceWorker" in navigator)) return;
  const wb = new Workbox(swUrl, { scope });
  wb.addEventListener("installed", (event) => {
    // The first install: everything is precached now.
    if (!event.isUpdate && !localStorage.getItem(READY_SHOWN)) {
      notice(strings.ready, strings);
      try {
        localStorage.setItem(READY_SHOWN, "1");
      } catch {
        // Storage full or blocked: the notice may show again next time, nothing is lost.
      }
    }
  });
  wb.addEventListener("waiting", () => {
    notice(strings.update, strings, {
      label: strings.reload,
      run: () => {
        wb.addEventListener("controlling", () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  wb.register().catch((error: unknown) => console.warn("Offline use is not available:", error));
}
