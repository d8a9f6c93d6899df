import { afterEach, describe, expect, it, vi } from "vitest";
import { finishAfterPaint, runAfterPaint, startInFrames } from "../../../src/widgets/frame-slices";
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

describe("runAfterPaint", () => {
  const frames = manualFrames();
  afterEach(() => {
    frames.reset();
    vi.useRealTimers();
  });
  const start = () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    frames.install();
    const job = countingJob(3);
    const redraws: boolean[] = [];
    const stop = runAfterPaint(job, (done) => redraws.push(done), { budgetMs: 1000, unit: 1 });
    return { job, redraws, stop };
  };

  it("does no work in the change's frame: the slices start in the frame after it is painted", () => {
    const { job, redraws } = start();
    frames.frame(); // the change's frame
    expect(job.units).toBe(0);
    vi.runAllTimers(); // the task once it is painted: the slices ask for a frame
    expect(job.units).toBe(0);
    frames.frame();
    expect(job.units).toBe(3);
    expect(redraws).toEqual([true]);
    expect(frames.pending).toBe(0);
  });

  it("stops before the task, and between the task and the slices' frame", () => {
    const early = start();
    early.stop();
    frames.frame();
    vi.runAllTimers();
    frames.frame();
    expect(early.job.units).toBe(0);
    frames.reset();
    const late = start();
    frames.frame();
    vi.runAllTimers();
    late.stop();
    frames.frame();
    expect(late.job.units).toBe(0);
    expect(late.redraws).toEqual([]);
  });
});

describe("finishAfterPaint", () => {
  const frames = manualFrames();
  afterEach(() => {
    frames.reset();
    vi.useRealTimers();
  });

  it("calls finish once, when the job is done, and never on the way", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    frames.install();
    const inner = countingJob(3),
      calls: number[] = [];
    // Each unit takes 10 ms of a 5 ms budget: one unit per frame.
    const job = {
      advance: (n: number) => {
        vi.advanceTimersByTime(10);
        return inner.advance(n);
      },
    };
    finishAfterPaint(job, () => calls.push(inner.units), { budgetMs: 5, unit: 1 });
    frames.frame(); // the change's frame
    vi.runAllTimers(); // once it is painted
    frames.frame();
    frames.frame();
    expect(inner.units).toBe(2);
    expect(calls).toEqual([]);
    frames.frame();
    expect(calls).toEqual([3]);
    expect(frames.pending).toBe(0);
  });
});
