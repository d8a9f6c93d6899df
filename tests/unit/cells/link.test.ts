import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codeFromLink, decodeCode, encodeCode, linkToCell } from "../../../src/cells/link";

describe("link", () => {
  it("encodeCode is base64url without padding and decodeCode inverts it for any text", () => {
    expect(encodeCode("a+b")).toBe("YSti");
    expect(encodeCode("??>")).toBe("Pz8-");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(decodeCode(encodeCode(s))).toBe(s);
      }),
    );
  });

  it("decodeCode refuses text that is not base64url of UTF-8", () => {
    expect(decodeCode("not base64!")).toBeNull();
    expect(decodeCode("_w")).toBeNull(); // byte 0xFF is not UTF-8
  });

  it("linkToCell puts the code in a parameter named after the cell and the cell in the anchor", () => {
    const link = linkToCell("https://x.test/chapters/00/?a=1#top", "ch0-shapes", "const W = 1; // ×");
    const url = new URL(link);
    expect(url.hash).toBe("#ch0-shapes");
    expect(url.searchParams.get("a")).toBe("1");
    expect(codeFromLink(url.search, "ch0-shapes")).toBe("const W = 1; // ×");
    expect(codeFromLink(url.search, "other")).toBeNull();
  });
});
