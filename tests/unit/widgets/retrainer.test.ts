import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProgressJob } from "../../../src/widgets/frame-slices";
import { Retrainer } from "../../../src/widgets/retrainer";

/** A job of 30 units that takes at most 10 per call; `made` counts the jobs built. */
let made = 0;
function job(): ProgressJob & { units: number } {
  made++;
  return {
    units: 0,
    get done() {
      return this.units >= 30;
    },
    get progress() {
      return this.units / 30;
    },
    advance(budget: number) {
      this.units = Math.min(30, this.units + budget);
      return this.done;
    },
  };
}

describe("Retrainer", () => {
  let frames: (() => void)[] = [];
  const frame = () => {
    const now = frames;
    frames = [];
    for (const cb of now) cb();
  };
  afterEach(() => {
    frames = [];
    made = 0;
    vi.unstubAllGlobals();
  });
  const setup = () => {
    vi.stubGlobal("requestAnimationFrame", (cb: () => void) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => {
      frames = [];
    });
    const log: string[] = [];
    const r = new Retrainer<ReturnType<typeof job>>(
      { firstMs: 0, unit: 10 },
      { busy: (j) => log.push(`busy ${j.units}`), finished: (j) => log.push(`finished ${j.units}`), show: () => log.push("show") },
    );
    return { r, log };
  };

  it("trains for a new key across frames, then shows; the same key again only shows", () => {
    const { r, log } = setup();
    r.want("a", job);
    expect(r.trainedKey).toBe("");
    frame();
    expect(log).toEqual(["busy 0", "finished 30", "show"]);
    expect(r.trainedKey).toBe("a");
    r.want("a", job);
    expect(made).toBe(1);
    expect(log.at(-1)).toBe("show");
  });

  it("does not restart a training under way for the same key, and a new key replaces it", () => {
    const { r, log } = setup();
    r.want("a", job);
    r.want("a", job);
    expect(made).toBe(1);
    r.want("b", job);
    expect(made).toBe(2);
    frame();
    expect(r.trainedKey).toBe("b");
    expect(log.filter((l) => l.startsWith("finished"))).toHaveLength(1);
  });

  it("going back to the trained key drops the training under way and shows the trained runs", () => {
    const { r, log } = setup();
    r.want("a", job);
    frame();
    r.want("b", job);
    r.want("a", job);
    frame();
    expect(r.trainedKey).toBe("a");
    expect(log.filter((l) => l.startsWith("finished"))).toHaveLength(1);
    expect(log.at(-1)).toBe("show");
  });
});
