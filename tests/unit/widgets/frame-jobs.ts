// Test doubles for the frame-sliced training helpers (frame-slices.ts, retrainer.ts): a job that counts the units it
// is given, and frame callbacks run by hand.
import { vi } from "vitest";
import type { ProgressJob } from "../../../src/widgets/frame-slices";

/** A job of `total` units that counts the units it was given. */
export function countingJob(total: number): ProgressJob & { units: number } {
  return {
    units: 0,
    get done() {
      return this.units >= total;
    },
    get progress() {
      return Math.min(1, this.units / total);
    },
    advance(budget: number) {
      this.units = Math.min(total, this.units + budget);
      return this.done;
    },
  };
}

/** Frame callbacks kept instead of run: `install()` stubs requestAnimationFrame, `frame()` runs the pending ones,
 * `reset()` (after each test) drops them and the stubs. */
export function manualFrames(): { install(): void; frame(): void; reset(): void; readonly pending: number } {
  let frames: (() => void)[] = [];
  return {
    install() {
      vi.stubGlobal("requestAnimationFrame", (cb: () => void) => frames.push(cb));
      vi.stubGlobal("cancelAnimationFrame", () => {
        frames = [];
      });
    },
    frame() {
      const now = frames;
      frames = [];
      for (const cb of now) cb();
    },
    reset() {
      frames = [];
      vi.unstubAllGlobals();
    },
    get pending() {
      return frames.length;
    },
  };
}
