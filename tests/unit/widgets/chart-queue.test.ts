import { afterEach, describe, expect, it, vi } from "vitest";
import { ChartQueue } from "../../../src/widgets/chart-queue";

/** A stand-in requestAnimationFrame whose frames the test runs by hand. */
function installFrames() {
  let queued: (() => void)[] = [];
  vi.stubGlobal("requestAnimationFrame", (f: () => void) => queued.push(f));
  vi.stubGlobal("cancelAnimationFrame", () => (queued = []));
  return () => {
    const now = queued;
    queued = [];
    for (const f of now) f();
    return now.length;
  };
}

describe("ChartQueue", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("draws one changed part in the change's frame and the others one per following frame", () => {
    const frame = installFrames();
    const drawn: string[] = [];
    const q = new ChartQueue(["a", "b", "c"], (p) => drawn.push(p));
    for (const p of ["a", "b", "c"] as const) q.want(p, "1");
    q.flush();
    expect(drawn).toEqual(["a"]);
    frame();
    expect(drawn).toEqual(["a", "b"]);
    frame();
    expect(drawn).toEqual(["a", "b", "c"]);
    expect(frame()).toBe(0);
    expect(q.pending).toBe(0);
  });

  it("leaves a part whose key did not change, and draws the asked-for part first", () => {
    installFrames();
    const drawn: string[] = [];
    const q = new ChartQueue(["a", "b"], (p) => drawn.push(p));
    q.want("a", "1");
    q.want("b", "1");
    q.drawAll();
    drawn.length = 0;
    q.want("a", "1");
    q.want("b", "2");
    q.flush("a");
    expect(drawn).toEqual(["b"]);
    q.want("a", "2");
    q.want("b", "3");
    q.flush("b");
    expect(drawn).toEqual(["b", "b"]);
    expect(q.pending).toBe(1);
  });

  it("after cancel, what was queued is drawn at the next flush", () => {
    const frame = installFrames();
    const drawn: string[] = [];
    const q = new ChartQueue(["a", "b"], (p) => drawn.push(p));
    q.want("a", "1");
    q.want("b", "1");
    q.flush();
    q.cancel();
    expect(frame()).toBe(0);
    expect(drawn).toEqual(["a"]);
    q.flush();
    expect(drawn).toEqual(["a", "b"]);
  });
});

describe("ChartQueue.flush without drawing now", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("leaves the change's frame to the numbers and draws the asked-for part first in the next", () => {
    const frame = installFrames();
    const drawn: string[] = [];
    const q = new ChartQueue(["a", "b"], (p) => drawn.push(p));
    q.want("a", "1");
    q.want("b", "1");
    q.flush("b", false);
    expect(drawn).toEqual([]);
    frame();
    expect(drawn).toEqual(["b"]);
    frame();
    expect(drawn).toEqual(["b", "a"]);
  });
});
