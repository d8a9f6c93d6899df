// The document of the sandboxed frame the cell worker lives in. In Chromium a dedicated worker shares
// its page's process, so a cell that fills memory used to take the whole tab down; a frame with
// sandbox="allow-scripts" (an opaque origin) gets a process of its own, and running out of memory then
// ends only that frame. The frame starts the worker from code the page hands it (a Blob: an opaque
// origin may not fetch the site's files on every static host) and answers the page's pings, by which
// the page notices the frame is gone. Plain JavaScript, because the build's CSP (src/build/csp.mjs)
// allows this inline script by its hash.

/** The frame's one script: starts the worker once, forwards the page's port to it, answers pings. */
export const FRAME_SCRIPT = [
  "let worker = null;",
  "onmessage = (e) => {",
  "  if (e.source !== parent) return;",
  '  if (e.data === "ping") return parent.postMessage("pong", "*");',
  "  const port = e.ports[0];",
  "  if (worker || !port || !(e.data instanceof Blob)) return;",
  "  worker = new Worker(URL.createObjectURL(e.data));",
  '  worker.onerror = (x) => { x.preventDefault(); parent.postMessage("failed", "*"); };',
  "  worker.postMessage(null, [port]);",
  "};",
].join("\n");

/** The frame's whole document, for its srcdoc. */
export const FRAME_DOCUMENT = `<!doctype html><meta charset="utf-8"><title>cells</title><script>${FRAME_SCRIPT}</script>`;
