// The Chinese edition against its English source: every translation present and made from the current English
// (the tracker), the same headings, formulas, cells and widgets in every chapter, and the tracker's own checks.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { translationProblems, recordedSource } from "../../../src/build/translation-tracker.mjs";
import { sourceHash } from "../../../src/build/translation-source.mjs";
import { markdownHeadings } from "../../../src/build/rehype-translated-headings.mjs";
import { mathDifferences, mathSpans } from "../../../src/build/translation-math.mjs";
import { englishTwin } from "../../../src/build/translations.mjs";

const chapters = readdirSync("content/chapters").filter((f) => f.endsWith(".mdx"));
const read = (path: string) => readFileSync(path, "utf8");
/** Component tags with their props, code and ids: what a translation must keep as it is (text props aside). */
const tags = (mdx: string) =>
  [...mdx.matchAll(/<([A-Z][A-Za-z]*)\b([^>]*)\/?>/g)].map((m) => `${m[1]} ${m[2].replace(/\s(title|label)="[^"]*"/g, "").trim()}`);
const codeBlocks = (mdx: string) => [...mdx.matchAll(/^export const \w+ = `[\s\S]*?^`;?\s*$/gm)].map((m) => m[0]);

describe("the Chinese edition", () => {
  it("has every chapter, question and string file, each made from the English as it is now", () => {
    expect(translationProblems(process.cwd(), ["zh-cn"])).toEqual([]);
  });

  for (const file of chapters) {
    const en = read(`content/chapters/${file}`);
    const zh = read(`content/zh-cn/chapters/${file}`);
    it(`${file}: same headings (level by level), formulas, code, cells and widgets`, () => {
      expect(markdownHeadings(zh).map((h) => h.depth)).toEqual(markdownHeadings(en).map((h) => h.depth));
      expect(mathDifferences(en, zh)).toEqual([]);
      expect(codeBlocks(zh)).toEqual(codeBlocks(en));
      expect(tags(zh).filter((t) => !t.startsWith("Aside"))).toEqual(tags(en).filter((t) => !t.startsWith("Aside")));
      expect(englishTwin(join(process.cwd(), "content/zh-cn/chapters", file))).toBe(join(process.cwd(), "content/chapters", file));
    });
  }
});

describe("the translation tracker", () => {
  const fixture = () => {
    const root = mkdtempSync(join(tmpdir(), "tracker-"));
    const en = "---\ntitle: A\n---\n\nText $x$.\n";
    cpSync("src/i18n/en/frame.json", join(root, "src/i18n/en/frame.json"));
    writeFileSync(join(root, "src/i18n/en/frame.json"), JSON.stringify({ "a.b": "Hello {name}" }));
    for (const dir of [
      "content/chapters",
      "content/zh-cn/chapters",
      "content/questions/adam",
      "content/zh-cn/questions/adam",
      "src/i18n/zh-cn",
    ])
      cpSync("/dev/null", join(root, dir, ".keep"), { force: true });
    writeFileSync(join(root, "content/chapters/a.mdx"), en);
    writeFileSync(join(root, "content/zh-cn/chapters/a.mdx"), `---\ntitle: 甲\ntranslatedFrom: ${sourceHash(en)}\n---\n\n文字 $x$。\n`);
    writeFileSync(join(root, "content/questions/adam/q.yaml"), "prompt: Why?\n");
    writeFileSync(
      join(root, "content/zh-cn/questions/adam/q.yaml"),
      `translatedFrom: '${sourceHash("prompt: Why?\n")}'\nprompt: 为什么？\n`,
    );
    writeFileSync(
      join(root, "src/i18n/zh-cn/frame.json"),
      JSON.stringify({ $translatedFrom: sourceHash(JSON.stringify({ "a.b": "Hello {name}" })), "a.b": "你好 {name}" }),
    );
    return root;
  };

  it("finds nothing wrong with current translations", () => {
    const root = fixture();
    expect(translationProblems(root, ["zh-cn"])).toEqual([]);
    rmSync(root, { recursive: true });
  });

  it("names a missing translation, a stale one, a lost placeholder and a translation with no source", () => {
    const root = fixture();
    writeFileSync(join(root, "content/chapters/b.mdx"), "---\ntitle: B\n---\n");
    writeFileSync(join(root, "content/chapters/a.mdx"), "---\ntitle: A\n---\n\nText $x$, changed.\n");
    writeFileSync(
      join(root, "src/i18n/zh-cn/frame.json"),
      JSON.stringify({ $translatedFrom: sourceHash(JSON.stringify({ "a.b": "Hello {name}" })), "a.b": "你好" }),
    );
    writeFileSync(join(root, "content/zh-cn/questions/adam/gone.yaml"), "translatedFrom: '000000000000'\n");
    const problems = translationProblems(root, ["zh-cn"]).join("\n");
    expect(problems).toMatch(/content\/zh-cn\/chapters\/b\.mdx: missing/);
    expect(problems).toMatch(/content\/zh-cn\/chapters\/a\.mdx: made from another version of content\/chapters\/a\.mdx/);
    expect(problems).toMatch(/src\/i18n\/zh-cn\/frame\.json: "a\.b" has other placeholders than its English/);
    expect(problems).toMatch(/content\/zh-cn\/questions\/adam\/gone\.yaml: has no English source/);
    rmSync(root, { recursive: true });
  });

  it("reads the recorded source of front matter, YAML and JSON, quoted or not", () => {
    expect(recordedSource("a.mdx", "---\ntranslatedFrom: 0123456789ab\n---\n")).toBe("0123456789ab");
    expect(recordedSource("a.yaml", "translatedFrom: '0e4813848692'\n")).toBe("0e4813848692");
    expect(recordedSource("a.json", '{"$translatedFrom":"abcdefabcdef"}')).toBe("abcdefabcdef");
    expect(recordedSource("a.json", "not json")).toBeUndefined();
  });

  it("compares formulas as a multiset and leaves code out", () => {
    expect(mathSpans("a $x$ and $$y^2$$ then `$5` and \\$100")).toEqual(["x", "y^2"]);
    expect(mathDifferences("$a$ $b$", "$b$ 和 $a$")).toEqual([]);
    expect(mathDifferences("$a$ $b$", "$a$")).toEqual(["missing $b$"]);
  });
});
