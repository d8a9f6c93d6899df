import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { OUT, compileGemm, gemmModuleSource } from "../../../scripts/build-wasm.mjs";

describe("gemm-wasm build", () => {
  it("the committed lib/tensor/gemm-wasm.ts is what gemm.wat compiles to (run npm run build:wasm after editing the .wat)", async () => {
    const bytes: Uint8Array = await compileGemm();
    expect(bytes.length).toBeLessThan(4096); // compiled synchronously, also on a page's main thread
    expect(readFileSync(OUT, "utf8")).toBe(gemmModuleSource(bytes));
  });
});
