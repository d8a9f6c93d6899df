import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { filesUnder } from "../../../src/build/walk.mjs";
import yaml from "js-yaml";
import { buildBank, renderMarkdown, type QuestionEntry } from "../../../src/quiz/bank";
import { questionSchema, type Question } from "../../../src/quiz/schema";

const entry = (id: string, data: unknown): QuestionEntry => ({ id, data: questionSchema.parse(data) as Question });

describe("question bank", () => {
  it("renderMarkdown renders $…$ with KaTeX as the chapters do, and inline drops the paragraph", async () => {
    const html = await renderMarkdown("The step is $\\eta g$.");
    expect(html).toMatch(/^<p>The step is <span class="katex">/);
    // The chapters' pipeline (src/build/rehype-math.mjs): the drawn HTML and the TeX as hidden text, no MathML copy.
    expect(html).toContain('<span class="formula-tex">\\eta g</span>');
    expect(html).not.toContain("<math");
    const inline = await renderMarkdown("$v_t$ tracks $g_t^2$", { inline: true });
    expect(inline).not.toMatch(/<p>/);
    expect(inline).toContain("katex");
  });

  it("renderMarkdown fails on a formula KaTeX cannot parse, naming the file", async () => {
    await expect(renderMarkdown("bad $\\frac{1}{$ here", { file: "/tmp/questions/adam/broken.yaml" })).rejects.toThrow(/broken\.yaml/);
  });

  it("buildBank renders every type into serialisable entries", async () => {
    const bank = await buildBank([
      entry("adam/moment", {
        type: "choice",
        prompt: "What does $v_t$ track?",
        topics: ["adam"],
        difficulty: 1,
        link: "04-optimization-algorithms#adam",
        options: [
          { text: "Squared gradients, $g^2$", correct: true },
          { text: "Curvature", why: "No second derivatives." },
          { text: "Also $g^2$ averaged", correct: true },
        ],
        answer: "$v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2$",
      }),
      entry("adam/beta1", {
        type: "numeric",
        prompt: "Default $\\beta_1$?",
        topics: ["adam"],
        difficulty: 1,
        link: "04-optimization-algorithms",
        value: 0.9,
        answer: "0.9",
      }),
      entry("dropout/why", {
        type: "flashcard",
        prompt: "Why inverted dropout?",
        topics: ["dropout"],
        difficulty: 1,
        link: "05-regularization#dropout",
        answer: "So **test time** needs no change.",
      }),
      entry("adam/gen-adam-step", {
        type: "generated",
        generator: "adam-step",
        topics: ["adam"],
        difficulty: 3,
        link: "04-optimization-algorithms#bias-correction",
      }),
    ]);
    expect(bank.map((q) => q.id)).toEqual(["adam/beta1", "adam/gen-adam-step", "adam/moment", "dropout/why"]);
    const choice = bank.find((q) => q.id === "adam/moment")!;
    expect(choice.type).toBe("choice");
    if (choice.type === "choice") {
      expect(choice.multiple).toBe(true);
      expect(choice.options[0].html).toContain("katex");
      expect(choice.options[0].html).not.toMatch(/^<p>/);
      expect(choice.options[1]).toMatchObject({ correct: false, whyHtml: "No second derivatives." });
      expect(choice.chapter).toBe("04-optimization-algorithms");
    }
    const gen = bank.find((q) => q.id === "adam/gen-adam-step")!;
    expect(gen).toMatchObject({ type: "generated", generator: "adam-step", title: "One Adam step from a given state", promptHtml: "" });
    const card = bank.find((q) => q.id === "dropout/why")!;
    expect(card.type === "flashcard" && card.answerHtml).toContain("<strong>test time</strong>");
    expect(JSON.parse(JSON.stringify(bank))).toEqual(bank);
  });

  it("buildBank refuses a question whose folder is not among its topics, naming the file", async () => {
    await expect(
      buildBank([
        {
          ...entry("adam/x", {
            type: "flashcard",
            prompt: "Q",
            topics: ["sgd"],
            difficulty: 1,
            link: "04-optimization-algorithms",
            answer: "A",
          }),
          filePath: "content/questions/adam/x.yaml",
        },
      ]),
    ).rejects.toThrow(/content\/questions\/adam\/x\.yaml: topics must include the folder's topic "adam"/);
  });

  it("buildBank renders every question file in content/questions", async () => {
    const entries: QuestionEntry[] = [];
    for (const path of filesUnder("content/questions", ".yaml")) {
      const r = questionSchema.safeParse(yaml.load(readFileSync(path, "utf8")));
      expect(r.success, `${path}: ${r.success ? "" : JSON.stringify(r.error.issues)}`).toBe(true);
      entries.push({ id: relative("content/questions", path).replace(/\.yaml$/, ""), data: r.data as Question, filePath: path });
    }
    const bank = await buildBank(entries);
    expect(bank.length).toBe(entries.length);
    expect(bank.filter((q) => q.type === "generated").length).toBeGreaterThanOrEqual(30);
  }, 60_000);
});
