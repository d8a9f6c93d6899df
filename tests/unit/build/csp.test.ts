import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { inlineScriptHashes, policyFor, withPolicy } from "../../../src/build/csp.mjs";

const html = `<html><head><title>x</title><script>setTheme()</script><script type="module" src="/_astro/a.js"></script></head><body></body></html>`;

describe("csp", () => {
  it("inlineScriptHashes hashes inline scripts only", () => {
    const expected = `'sha256-${createHash("sha256").update("setTheme()").digest("base64")}'`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
  });

  it("policyFor limits every source to the site's own origin", () => {
    const policy = policyFor(html);
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).not.toMatch(/https?:/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // The engine's WebAssembly kernel needs 'wasm-unsafe-eval' (compiling WebAssembly), never 'unsafe-eval'.
    expect(policy).toMatch(/script-src[^;]*'wasm-unsafe-eval'/);
    expect(policy).not.toMatch(/'unsafe-eval'/);
  });

  it("withPolicy puts the meta tag first in <head>, once", () => {
    const once = withPolicy(html);
    expect(once).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy"/);
    expect(withPolicy(once)).toBe(once);
  });

  it("withPolicy leaves a leading charset declaration first, so a long policy cannot push it past 1024 bytes", () => {
    const page = html.replace("<head>", '<head><meta charset="utf-8"/>');
    expect(withPolicy(page)).toMatch(/^<html><head><meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy"/);
  });
});
