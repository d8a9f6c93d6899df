import { describe, expect, it } from "vitest";
import { backupRaw, backupKeyFor, contentHash } from "../../../src/progress/recover";
import { loadProgress, mergeProgress, readProgress, PROGRESS_KEY, type KeyValueStore } from "../../../src/progress/store";

function countingStore(
  initial: Record<string, string> = {},
  limit = Infinity,
): KeyValueStore & { items: Map<string, string>; writes: string[] } {
  const items = new Map(Object.entries(initial)),
    writes: string[] = [];
  return {
    items,
    writes,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if ([...items.values()].reduce((n, x) => n + x.length, 0) + v.length > limit) throw new DOMException("full", "QuotaExceededError");
      writes.push(k);
      items.set(k, v);
    },
  };
}

describe("backupRaw", () => {
  it("backupRaw names the copy after its content and writes the same content once", () => {
    const store = countingStore();
    expect(backupRaw(store, "k", "abc")).toEqual({ key: `k.unreadable.${contentHash("abc")}`, fresh: true });
    expect(backupRaw(store, "k", "abc")).toEqual({ key: `k.unreadable.${contentHash("abc")}`, fresh: false });
    expect(backupRaw(store, "k", "abd")?.key).not.toBe(backupKeyFor("k", "abc"));
    expect(store.writes).toHaveLength(2);
  });

  it("backupRaw returns null when the copy does not fit", () => {
    expect(backupRaw(countingStore({}, 2), "k", "abc")).toBeNull();
  });
});

describe("loadProgress with damaged reading progress", () => {
  const raw = JSON.stringify({
    version: 1,
    last: 7,
    chapters: { "chapters/00": { position: 0.5, read: false, visitedAt: 1 }, "chapters/01": { position: "x".repeat(300_000) } },
  });

  it("loadProgress on seven page views backs the 300 KB record up once", () => {
    const store = countingStore({ [PROGRESS_KEY]: raw });
    const loads = Array.from({ length: 7 }, () => loadProgress(store));
    expect(store.writes).toEqual([backupKeyFor(PROGRESS_KEY, raw)]);
    expect(loads.map((l) => l.freshBackup)).toEqual([true, false, false, false, false, false, false]);
    expect(loads.every((l) => l.recovered && l.backupKey === backupKeyFor(PROGRESS_KEY, raw))).toBe(true);
  });

  it("loadProgress reports backupKey null when no copy fits, so the caller leaves the original alone", () => {
    const store = countingStore({ [PROGRESS_KEY]: raw }, raw.length + 10);
    const l = loadProgress(store);
    expect(l).toMatchObject({ recovered: true, backupKey: null });
    expect(store.writes).toEqual([]);
  });

  it("readProgress treats slugs named __proto__ or toString as data", () => {
    const { progress } = readProgress('{"version":1,"chapters":{"__proto__":{"position":1},"toString":{"position":0.2}},"last":null}');
    expect(Object.getPrototypeOf(progress.chapters)).toBeNull();
    expect(Object.keys(progress.chapters).sort()).toEqual(["__proto__", "toString"]);
    // biome-ignore lint/complexity/useLiteralKeys: with a dot, TypeScript reads toString as Object.prototype's method
    expect(progress.chapters["toString"].position).toBe(0.2);
  });

  it("mergeProgress keeps a chapter read on either side and the later visit's position", () => {
    const a = readProgress({
      version: 1,
      chapters: { c1: { position: 0.95, read: true, visitedAt: 1 }, c2: { position: 0.1, visitedAt: 5 } },
      last: "c2",
    }).progress;
    const b = readProgress({
      version: 1,
      chapters: { c1: { position: 0.3, visitedAt: 9 }, c3: { position: 0.4, visitedAt: 2 } },
      last: "c1",
    }).progress;
    const { progress, changed } = mergeProgress(a, b);
    expect(progress.chapters.c1).toEqual({ position: 0.3, read: true, visitedAt: 9 });
    expect(progress.chapters.c3.position).toBe(0.4);
    expect(progress.last).toBe("c1");
    expect(changed).toBe(2);
  });
});
