// Builds the Content-Security-Policy of one built page. Every source is limited to the site's own
// origin; the page's inline scripts (Starlight's theme and sidebar scripts) are allowed by hash.
import { createHash } from "node:crypto";
import { FRAME_SCRIPT } from "../cells/sandbox-frame.mjs";

// A JSON data block (deferred-formulas-integration.mjs) is never run: it needs no hash.
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
    if (body.trim() === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

export function policyFor(html) {
  // The notebook's sandboxed frame (a srcdoc document, which inherits this policy) runs one inline script.
  const frame = `'sha256-${createHash("sha256").update(FRAME_SCRIPT, "utf8").digest("base64")}'`;
  return [
    "default-src 'self'",
    // blob: lets the notebook's worker load each cell as a module: the worker, started from a blob:
    // URL, inherits this policy, so cell code gets no eval and no script from another origin.
    `script-src 'self' blob: 'wasm-unsafe-eval' ${[...inlineScriptHashes(html), frame].join(" ")}`,
    // Starlight and Plot write inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Notebook cells run in workers started from the site's own files or blobs.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Inserts the policy at the top of <head>, before any script can run, after the charset declaration if the page
 * starts with one: a long policy would push that past the first 1024 bytes, where browsers stop looking for it.
 */
export function withPolicy(html) {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  return html.replace(/<head[^>]*>(\s*<meta charset=[^>]*>)?/i, (start) => start + meta);
}
