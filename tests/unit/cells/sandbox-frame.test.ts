import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { FRAME_DOCUMENT, FRAME_SCRIPT } from "../../../src/cells/sandbox-frame.mjs";
import { policyFor } from "../../../src/build/csp.mjs";

describe("sandbox frame", () => {
  it("runs exactly the script whose hash every page's policy allows", () => {
    const hash = `'sha256-${createHash("sha256").update(FRAME_SCRIPT, "utf8").digest("base64")}'`;
    expect(FRAME_DOCUMENT).toContain(`<script>${FRAME_SCRIPT}</script>`);
    expect(policyFor("<html><head></head><body></body></html>")).toMatch(new RegExp(`script-src [^;]*${hash.replace(/[+/]/g, "\\$&")}`));
  });

  it("answers only its parent, starts one worker from a Blob, and never reaches the network", () => {
    expect(FRAME_SCRIPT).toContain("e.source !== parent");
    expect(FRAME_SCRIPT).toContain("e.data instanceof Blob");
    expect(FRAME_SCRIPT).not.toMatch(/fetch|import|XMLHttpRequest|src=/);
  });
});
