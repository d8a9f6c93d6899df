import { defineConfig } from "vitest/config";

export default defineConfig({
  // 30 s per test: the timeout catches a hang, not slowness; training tests run several seconds on a loaded 2-core machine.
  test: { include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
});
