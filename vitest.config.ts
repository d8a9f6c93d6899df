import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/unit/setup.ts"],
    // 30 s per test: the timeout catches a hang, not slowness; training tests run several seconds on a loaded 2-core machine.
    testTimeout: 30_000,
    // One worker per core runs file after file instead of a fresh process per file: the 180-odd files each paid ~0.3 s of
    // start-up, close to a minute of CI's 20-minute budget. A test that stubs a global restores it (vi.unstubAllGlobals).
    isolate: false,
  },
});
