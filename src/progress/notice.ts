// Telling the reader, on the page and not only in the console, that their reading progress was damaged: what was
// kept, where the original went, or (no room for a copy) that it is untouched and can be downloaded now.
import { tFrame as t } from "../i18n/frame";
import { downloadButton } from "./download";

/**
 * Shows one notice at the top of the page's main content. `backupKey` null means no copy fitted: the notice says
 * the record is left untouched and offers `raw` as a file.
 *
 * @example
 *   showProgressNotice("dlf.progress.v1.unreadable.5f2c09ab", raw);
 */
export function showProgressNotice(backupKey: string | null, raw: string): void {
  const show = () => {
    if (document.querySelector(".dl-progress-notice")) return;
    const p = document.createElement("p");
    p.className = "dl-messages dl-progress-notice";
    p.setAttribute("role", "status");
    p.textContent = backupKey ? t("progress.recoveredNotice", { backup: backupKey }) : t("progress.recoveredNoRoom");
    if (!backupKey) p.append(" ", downloadButton(t("progress.downloadOriginal"), "dl-reading-progress-unreadable.json", raw));
    // Inside the page's text column, so it lines up with the chapter (main itself has no side padding).
    const main = document.querySelector(".sl-markdown-content") ?? document.querySelector("main") ?? document.body;
    main.prepend(p);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show, { once: true });
  else show();
}
