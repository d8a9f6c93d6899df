import { afterEach, describe, expect, it, vi } from "vitest";
import { afterPaint } from "../../../src/widgets/after-paint";

// Frames are fired by hand; tasks are Vitest's fake timers.
function installFrames() {
  let queue: (() => void)[] = [];
  vi.stubGlobal("requestAnimationFrame", (cb: () => void) => queue.push(cb));
  vi.stubGlobal("cancelAnimationFrame", (id: number) => {
    queue[id - 1] = () => {};
  });
  return {
    frame() {
      const now = queue;
      queue = [];
      for (const cb of now) cb();
    },
  };
}

describe("afterPaint", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("afterPaint runs nothing in the change's frame and one step after each later painted frame", () => {
    vi.useFakeTimers();
    const frames = installFrames(),
      ran: string[] = [];
    afterPaint([() => ran.push("network"), () => ran.push("loss")]);
    vi.runAllTimers();
    expect(ran).toEqual([]);
    frames.frame(); // the change's own frame: only its task is queued
    expect(ran).toEqual([]);
    vi.runAllTimers();
    expect(ran).toEqual(["network"]);
    frames.frame();
    expect(ran).toEqual(["network"]);
    vi.runAllTimers();
    expect(ran).toEqual(["network", "loss"]);
    frames.frame();
    vi.runAllTimers();
    expect(ran).toEqual(["network", "loss"]);
  });

  it("afterPaint's stop drops the steps not yet run, also when its task is already queued", () => {
    vi.useFakeTimers();
    const frames = installFrames(),
      ran: number[] = [];
    const stop = afterPaint([() => ran.push(1), () => ran.push(2)]);
    frames.frame();
    vi.runAllTimers();
    frames.frame(); // the second step's task is queued now
    stop();
    vi.runAllTimers();
    frames.frame();
    vi.runAllTimers();
    expect(ran).toEqual([1]);
  });
});
