import { afterEach, describe, expect, it, vi } from "vitest";
import { startInFrames, type ProgressJob } from "../../../src/widgets/frame-slices";

/** A job of `total` units that counts the units it was given. */
function countingJob(total: number): ProgressJob & { units: number } {
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

describe("startInFrames", () => {
  let frames: (() => void)[] = [];
  const frame = () => {
    const now = frames;
    frames = [];
    for (const cb of now) cb();
  };
  afterEach(() => {
    frames = [];
    vi.unstubAllGlobals();
  });
  const install = () => {
    vi.stubGlobal("requestAnimationFrame", (cb: () => void) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => {
      frames = [];
    });
  };

  it("finishes a small job in the change's own frame, without a busy note or a frame", () => {
    install();
    const job = countingJob(30),
      calls: string[] = [];
    const stop = startInFrames(
      job,
      { firstMs: 1000, unit: 10 },
      () => calls.push("busy"),
      () => calls.push("finish"),
    );
    expect(stop).toBeUndefined();
    expect(calls).toEqual(["finish"]);
    expect(frames).toHaveLength(0);
  });

  it("says it is busy, then finishes in later frames when the first frame's time is used up", () => {
    install();
    const job = countingJob(30),
      calls: string[] = [];
    const stop = startInFrames(
      job,
      { firstMs: 0, unit: 10 },
      () => calls.push(`busy ${job.progress}`),
      () => calls.push("finish"),
    );
    expect(typeof stop).toBe("function");
    expect(calls).toEqual(["busy 0"]);
    frame();
    expect(job.done).toBe(true);
    expect(calls.at(-1)).toBe("finish");
  });

  it("stops: the job gets no more units and never finishes", () => {
    install();
    const job = countingJob(30),
      calls: string[] = [];
    const stop = startInFrames(
      job,
      { firstMs: 0, unit: 10 },
      () => calls.push("busy"),
      () => calls.push("finish"),
    );
    stop?.();
    frame();
    expect(job.units).toBe(0);
    expect(calls).toEqual(["busy"]);
  });
});
