import { afterEach, describe, expect, it } from "vitest";
import { Retrainer } from "../../../src/widgets/retrainer";
import { countingJob, manualFrames } from "./frame-jobs";

/** Jobs of 30 units; `made` counts the jobs built. */
let made = 0;
function job() {
  made++;
  return countingJob(30);
}

describe("Retrainer", () => {
  const frames = manualFrames();
  const { frame } = frames;
  afterEach(() => {
    frames.reset();
    made = 0;
  });
  const setup = () => {
    frames.install();
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
