import { describe, expect, it } from "vitest";
import { backupKeyFor } from "../../../src/progress/recover";
import { loadProgress, recordVisit, saveProgress, PROGRESS_KEY, type KeyValueStore } from "../../../src/progress/store";

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { items: Record<string, string> } {
  const items = { ...initial };
  return { items, getItem: (k) => (k in items ? items[k] : null), setItem: (k, v) => void (items[k] = v) };
}

describe("progress store", () => {
  it("loadProgress starts empty when nothing is saved", () => {
    const { progress, recovered } = loadProgress(memoryStore());
    expect(progress.chapters).toEqual({});
    expect(progress.last).toBeNull();
    expect(recovered).toBe(false);
  });

  it("recordVisit marks a chapter read past 90% and keeps it read when scrolling back", () => {
    const { progress } = loadProgress(memoryStore());
    recordVisit(progress, "chapters/01", 0.95, 10);
    expect(progress.chapters["chapters/01"].read).toBe(true);
    recordVisit(progress, "chapters/01", 0.2, 20);
    expect(progress.chapters["chapters/01"]).toEqual({ position: 0.2, read: true, visitedAt: 20 });
    expect(progress.last).toBe("chapters/01");
  });

  it("saveProgress then loadProgress round-trips", () => {
    const store = memoryStore();
    const { progress } = loadProgress(store);
    recordVisit(progress, "chapters/00", 0.5, 5);
    saveProgress(store, progress);
    expect(loadProgress(store).progress).toEqual(progress);
  });

  it("loadProgress keeps a backup of text that is not JSON instead of wiping it", () => {
    const store = memoryStore({ [PROGRESS_KEY]: "{not json" });
    const { progress, recovered } = loadProgress(store);
    expect(recovered).toBe(true);
    expect(progress.chapters).toEqual({});
    expect(store.items[backupKeyFor(PROGRESS_KEY, "{not json")]).toBe("{not json");
  });

  it("loadProgress keeps the valid chapters of a partly corrupt record", () => {
    const raw = JSON.stringify({
      version: 1,
      last: "chapters/01",
      chapters: { "chapters/00": { position: 1, read: true, visitedAt: 3 }, "chapters/01": { position: "half" }, "chapters/02": null },
    });
    const store = memoryStore({ [PROGRESS_KEY]: raw });
    const { progress, recovered } = loadProgress(store);
    expect(recovered).toBe(true);
    expect(Object.keys(progress.chapters)).toEqual(["chapters/00"]);
    expect(progress.chapters["chapters/00"].read).toBe(true);
    expect(progress.last).toBe("chapters/01");
    expect(store.items[backupKeyFor(PROGRESS_KEY, raw)]).toBe(raw);
  });

  it("recordVisit clamps positions outside 0–1 and NaN", () => {
    const { progress } = loadProgress(memoryStore());
    recordVisit(progress, "a", 7);
    expect(progress.chapters.a.position).toBe(1);
    recordVisit(progress, "b", Number.NaN);
    expect(progress.chapters.b.position).toBe(0);
  });
});
