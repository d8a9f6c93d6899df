import { afterEach, describe, expect, it, vi } from "vitest";
import { watchVisibility } from "../../../src/widgets/visibility";

type Entry = { target: object; isIntersecting: boolean };

// A stand-in IntersectionObserver whose callback the test fires by hand.
function installObserver() {
  const observers: { cb: (entries: Entry[]) => void; disconnected: boolean }[] = [];
  class FakeObserver {
    record: { cb: (entries: Entry[]) => void; disconnected: boolean };
    constructor(cb: (entries: Entry[]) => void) {
      this.record = { cb, disconnected: false };
      observers.push(this.record);
    }
    observe() {}
    disconnect() {
      this.record.disconnected = true;
    }
  }
  vi.stubGlobal("window", { IntersectionObserver: FakeObserver });
  vi.stubGlobal("IntersectionObserver", FakeObserver);
  return observers;
}

describe("watchVisibility", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("watchVisibility reads the latest entry when one callback carries several", () => {
    const observers = installObserver();
    const el = {} as Element,
      seen: boolean[] = [];
    watchVisibility(el, (v) => seen.push(v));
    // Left and came back within one frame: the element is on screen now.
    observers[0].cb([
      { target: el, isIntersecting: false },
      { target: el, isIntersecting: true },
    ]);
    expect(seen).toEqual([true]);
    observers[0].cb([
      { target: el, isIntersecting: true },
      { target: el, isIntersecting: false },
    ]);
    expect(seen).toEqual([true, false]);
  });

  it("watchVisibility returns a function that disconnects its observer", () => {
    const observers = installObserver();
    const stop = watchVisibility({} as Element, () => {});
    stop();
    expect(observers[0].disconnected).toBe(true);
  });
});
