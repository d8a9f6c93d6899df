import { describe, expect, it } from "vitest";
import { chapterNumber, clock, fromNow, interval, percent, sectionName, shortText } from "../../../../src/quiz/ui/format";

describe("quiz formatting", () => {
  it("shortText reads TeX as words and cuts long text with an ellipsis", () => {
    expect(shortText("A scalar RNN computes $h_t = \\tanh(0.5\\,x_t)$", 90)).toBe("A scalar RNN computes ht = (0.5 xt)");
    expect(shortText("abcdefghij", 6)).toBe("abcd…");
  });
  it("sectionName names a section by its heading anchor, a chapter link by the chapter's title", () => {
    expect(sectionName("04-optimization-algorithms#bias-correction", "Optimization")).toBe("Bias correction");
    expect(sectionName("05-regularization", "Regularization")).toBe("Regularization");
  });
  it("interval writes a grade button's delay as Anki does", () => {
    expect(interval(60_000)).toBe("1 min");
    expect(interval(10 * 60_000)).toBe("10 min");
    expect(interval(30_000)).toBe("<1 min");
    expect(interval(5 * 3_600_000)).toBe("5 h");
    expect(interval(3 * 86_400_000)).toBe("3 d");
    expect(interval(75 * 86_400_000)).toBe("2.5 mo");
    expect(interval(438 * 86_400_000)).toBe("1.2 y");
  });
  it("clock shows minutes and seconds, hours past an hour, and never a negative time", () => {
    expect(clock(90_000)).toBe("1:30");
    expect(clock(30 * 60_000)).toBe("30:00");
    expect(clock(3_723_000)).toBe("1:02:03");
    expect(clock(-5)).toBe("0:00");
    expect(clock(400)).toBe("0:01"); // a started second still counts
  });
  it("percent rounds a fraction to a whole percentage", () => {
    expect(percent(0.833)).toBe("83 %");
    expect(percent(1)).toBe("100 %");
    expect(percent(Number.NaN)).toBe("0 %");
  });
  it("fromNow says how far ahead a time is", () => {
    const now = 1_700_000_000_000;
    expect(fromNow(now - 1, now)).toBe("now");
    expect(fromNow(now + 10 * 60_000, now)).toBe("in 10 min");
    expect(fromNow(now + 3 * 3_600_000, now)).toBe("in 3 h");
    expect(fromNow(now + 4 * 86_400_000, now)).toBe("in 4 days");
  });
  it("chapterNumber reads the number of a chapter slug", () => {
    expect(chapterNumber("04-optimization-algorithms")).toBe(4);
    expect(chapterNumber("11-interview-preparation#embeddings")).toBe(11);
  });
});
