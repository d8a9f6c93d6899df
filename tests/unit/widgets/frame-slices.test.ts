import { afterEach, describe, expect, it } from "vitest";
import { startInFrames } from "../../../src/widgets/frame-slices";
import { countingJob, manualFrames } from "./frame-jobs";

describe("startInFrames", () => {
  const frames = manualFrames();
  const { frame, install } = frames;
  afterEach(() => frames.reset());

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
    expect(frames.pending).toBe(0);
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
