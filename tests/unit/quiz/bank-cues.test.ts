// The question bank gives no surface cue: in single-answer choice questions no test-taking trick ("pick the
// longest", "pick the hedged one", "pick the most qualified or the one with a formula", "avoid always/never")
// may single out the correct option in more than 35 % of them, so such a trick cannot pass an interview drill.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { filesUnder } from "../../../src/build/walk.mjs";
import { questionSchema } from "../../../src/quiz/schema";

interface Option {
  text: string;
  correct: boolean;
}

const single = filesUnder("content/questions", ".yaml")
  .map((path) => ({ path, q: questionSchema.parse(yaml.load(readFileSync(path, "utf8"))) }))
  .flatMap(({ path, q }) => (q.type === "choice" && q.options.filter((o) => o.correct).length === 1 ? [{ path, options: q.options }] : []));

/** At most this share of single-answer questions may be answered by any one cue. */
const MAX_SHARE = 0.35;

const HEDGE =
  /\b(usually|typically|generally|often|can|may|might|could|tends?|mostly|largely|roughly|approximately|likely|sometimes|partly)\b/i;
const ABSOLUTE = /\b(always|never|guaranteed|guarantees?|completely|entirely|impossible|any|all|every|none|cannot)\b/i;
const FORMULA = /\$|\d/;
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
// Clauses a careful writer adds to make a statement exact: commas, semicolons, colons, brackets, dashes.
const qualifiers = (t: string) => (t.replace(/\$[^$]*\$/g, "").match(/[,;:(—–]/g) ?? []).length;

const correctOf = (options: Option[]) => options.find((o) => o.correct)!;
/** The correct option scores strictly higher than every other. */
const topBy = (score: (t: string) => number) => (options: Option[]) => {
  const c = correctOf(options);
  return options.every((o) => o === c || score(o.text) < score(c.text));
};
/** Only the correct option matches. */
const onlyCorrect = (re: RegExp) => (options: Option[]) => {
  const c = correctOf(options);
  return re.test(c.text) && options.every((o) => o === c || !re.test(o.text));
};
/** Every option but the correct one matches. */
const onlyCorrectLacks = (re: RegExp) => (options: Option[]) => {
  const c = correctOf(options);
  return !re.test(c.text) && options.every((o) => o === c || re.test(o.text));
};

const cues: [string, (options: Option[]) => boolean][] = [
  ["the correct option is strictly the longest (characters of Markdown source)", topBy((t) => t.length)],
  ["the correct option has strictly the most words", topBy(words)],
  ["only the correct option hedges (usually, typically, generally, can, may, …)", onlyCorrect(HEDGE)],
  ["only the correct option is free of absolutes (always, never, any, all, …)", onlyCorrectLacks(ABSOLUTE)],
  ["only the correct option holds a formula or a number", onlyCorrect(FORMULA)],
  ["the correct option has strictly the most qualifying clauses (, ; : ( —)", topBy(qualifiers)],
];

describe("choice questions give no surface cue", () => {
  it("the bank has enough single-answer choice questions for the shares to mean something", () => {
    expect(single.length).toBeGreaterThanOrEqual(90);
  });

  for (const [name, cued] of cues) {
    it(`at most 35 % of single-answer questions: ${name}`, () => {
      const hits = single.filter(({ options }) => cued(options)).map(({ path }) => path);
      const share = hits.length / single.length;
      expect(share, `${hits.length} of ${single.length} (${(100 * share).toFixed(0)} %):\n  ${hits.join("\n  ")}`).toBeLessThanOrEqual(
        MAX_SHARE,
      );
    });
  }

  it("the correct option is on average at most 1.25 times as long as the mean distractor", () => {
    const ratios = single.map(({ options }) => {
      const wrong = options.filter((o) => !o.correct).map((o) => o.text.length);
      return correctOf(options).text.length / (wrong.reduce((a, b) => a + b, 0) / wrong.length);
    });
    const worst = single
      .map(({ path }, i) => ({ path, r: ratios[i] }))
      .filter(({ r }) => r > 1.6)
      .map(({ path, r }) => `${path} (${r.toFixed(2)})`);
    expect(
      ratios.reduce((a, b) => a + b, 0) / ratios.length,
      `longest relative to distractors:\n  ${worst.join("\n  ")}`,
    ).toBeLessThanOrEqual(1.25);
  });
});
