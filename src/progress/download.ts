// Saving a text as a file the reader keeps: used for exports and for a damaged record that has no room to be backed up.

/**
 * Offers `text` as a download named `file` (a temporary object URL clicked through a hidden link).
 *
 * @example
 *   downloadText("dl-quiz-progress.json", json);
 */
export function downloadText(file: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A button that downloads `text` when pressed (for the original of a damaged record, before anything overwrites it).
 *
 * @example
 *   notice.append(downloadButton("Download it", "dl-quiz-unreadable.json", raw));
 */
export function downloadButton(label: string, file: string, text: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "dl-quiz-secondary dl-download-original";
  b.textContent = label;
  b.addEventListener("click", () => downloadText(file, text, "text/plain"));
  return b;
}
