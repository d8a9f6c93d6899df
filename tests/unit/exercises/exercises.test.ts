// Every exercise: its reference solution passes the hidden cases, and typical wrong answers fail naming the case; its
// text and the grader's feedback exist in every language.
import { beforeAll, describe, expect, it } from "vitest";
import { compileCell } from "../../../src/cells/runtime";
import { EXERCISES, exerciseById } from "../../../src/exercises";
import { createRng } from "../../../lib";
import { formatReport, gradeExercise } from "../../../src/exercises/grade";
import { caseLabel, exerciseText } from "../../../src/exercises/text";
import type { Lang } from "../../../src/i18n/lang";
import { loadCatalog } from "../../../src/i18n/load";
import en from "../../../src/i18n/en/exercise-text.json";
import zhCn from "../../../src/i18n/zh-cn/exercise-text.json";

/** The exercise's function, compiled from TypeScript as a cell would be. */
function compiled(code: string, name: string): unknown {
  const c = compileCell(code);
  if (!c.ok) throw new Error(c.message);
  return new Function(`${c.js}\nreturn ${name};`)();
}

describe("gradeExercise", () => {
  it("has at least 15 exercises with unique ids and three hints each", () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    for (const e of EXERCISES) expect(exerciseText(e).hints.every((h) => h.length > 10)).toBe(true);
  });

  for (const ex of EXERCISES) {
    it(`gradeExercise passes the reference solution of ${ex.id}`, () => {
      const r = gradeExercise(ex.id, compiled(ex.solution, ex.fn));
      expect(formatReport(r)[0]).toMatch(/^✓ Solved/);
    });
    it(`gradeExercise fails the untouched starter of ${ex.id}`, () => {
      const r = gradeExercise(ex.id, compiled(ex.starter, ex.fn));
      expect(r.ok).toBe(false);
      expect(formatReport(r)[0]).toMatch(/^✗ Not yet: case 1 of \d+ \(.+\) failed\.$/);
    });
  }
});

/** A wrong solution: the exercise's solution with `from` replaced by `to` (the replacement must apply). */
function wrong(id: string, from: string | RegExp, to: string) {
  const ex = exerciseById(id)!;
  const code = ex.solution.replace(from, to);
  expect(code).not.toBe(ex.solution);
  const r = gradeExercise(id, compiled(code, ex.fn));
  expect(r.ok).toBe(false);
  return formatReport(r).join("\n");
}

describe("gradeExercise names the failing case of a typical mistake", () => {
  it("sigmoid'(a) instead of sigmoid'(z): wrong value at an index", () => {
    expect(wrong("sigmoid-backward", "dA[i] * s * (1 - s)", "dA[i] * x * (1 - x)")).toMatch(
      /case 1 of 6 .*\n.*Wrong value at result\[\d\]: expected .*, got/,
    );
  });
  it("tanh'(z) written as 1 − z²", () => expect(wrong("tanh-backward", "Math.tanh(x) ** 2", "x ** 2")).toMatch(/Wrong value at result\[/));
  it("ReLU derivative 1 at z = 0 fails the z = 0 case", () =>
    expect(wrong("relu-forward-backward", "x > 0 ? dA[i]", "x >= 0 ? dA[i]")).toMatch(/z\[0\] = 0/));
  it("softmax without the max shift fails on large logits", () =>
    expect(wrong("softmax-stable", "Math.exp(x - m)", "Math.exp(x)")).toMatch(/logits near \+1000.*\n.*got NaN/));
  it("softmax-ce gradient without − y", () =>
    expect(wrong("softmax-ce", "pk - (k === y ? 1 : 0)", "pk")).toMatch(/Wrong value at result\.dz\[/));
  it("MSE gradient without 1/n", () => expect(wrong("mse", "(2 * (p - y[i])) / n", "2 * (p - y[i])")).toMatch(/result\.grad\[0\]/));
  it("dense forward without the bias", () => expect(wrong("dense-forward", ", b[i])", ", 0)")).toMatch(/Wrong value at result\[0\]\[0\]/));
  it("dense backward with 1/m in dA_prev too", () =>
    expect(wrong("dense-backward", "w[k] * dZ[i][j], 0)", "w[k] * dZ[i][j], 0) / m")).toMatch(/result\.dA_prev\[/));
  it("dense backward returning dW transposed is a wrong shape or value", () =>
    expect(wrong("dense-backward", "const dW = dZ.map((row) => A_prev.map((a) =>", "const dW = A_prev.map((row) => dZ.map((a) =>")).toMatch(
      /result\.dW/,
    ));
  it("dropout forgetting the 1/(1 − p) scale in backward", () =>
    expect(wrong("dropout-inverted", "(d * mask[i]) / (1 - p)", "d * mask[i]")).toMatch(/result\.dA\[/));
  it("L2 gradient with the ½ convention", () =>
    expect(wrong("l2-gradient", "2 * lambda * x", "lambda * x")).toMatch(/Wrong value at result\[0\]/));
  it("clipping each array by its own norm", () =>
    expect(
      wrong(
        "clip-global-norm",
        /const norm[^\n]*\n[^\n]*\n[^\n]*\n/,
        "return grads.map((g) => { const n = Math.hypot(...g); return g.map((x) => x * Math.min(1, maxNorm / (n + 1e-6))); });\n",
      ),
    ).toMatch(/Wrong value at result\[/));
  it("attention without the 1/√d_k scale", () =>
    expect(wrong("attention", "const s = 1 / Math.sqrt(K[0].length)", "const s = 1")).toMatch(/Wrong value/));
  it("He std with fan-in + fan-out", () =>
    expect(wrong("init-std", "Math.sqrt(2 / fanIn)", "Math.sqrt(2 / (fanIn + fanOut))")).toMatch(/case 2 of 4 \(he/));
  it("one-sided differences miss by O(h)", () =>
    expect(wrong("grad-check", "x[i] = xi - h; const down = f(x);", "x[i] = xi; const down = f(x);")).toMatch(/Wrong value/));
  it("momentum with the (1 − β) factor", () =>
    expect(wrong("momentum-step", "h.beta * vel[i] + g[i]", "h.beta * vel[i] + (1 - h.beta) * g[i]")).toMatch(/result\.theta\[0\]/));
  it("Adam forgetting bias correction fails at step 1", () =>
    expect(wrong("adam-step", "m[i] / (1 - h.beta1 ** t), vHat = v[i] / (1 - h.beta2 ** t)", "m[i], vHat = v[i]")).toMatch(
      /Wrong value at result\.theta\[0\]/,
    ));
  it("AdamW with the decay added to the gradient (Adam + L2)", () =>
    expect(wrong("adamw-step", "theta[i] *= 1 - h.lr * h.weightDecay;\n", "g[i] += h.weightDecay * theta[i];\n")).toMatch(/result\.theta/));
  it("batch norm with the unbiased variance (m − 1) fails", () =>
    expect(wrong("batchnorm-forward", "(x - mu) ** 2, 0) / m", "(x - mu) ** 2, 0) / (m - 1)")).toMatch(
      /case 1 of 4 .*\n.*Wrong value at result\[0\]\[/,
    ));
  it("batch norm with ε outside the square root fails", () =>
    expect(wrong("batchnorm-forward", "Math.sqrt(v + eps)", "(Math.sqrt(v) + eps)")).toMatch(
      /case \d of 4 \(X \d×\d, ε = .*\n.*Wrong value at result\[/,
    ));
  it("batch norm over the examples of a column instead of a feature's row fails", () =>
    expect(
      wrong(
        "batchnorm-forward",
        /return X\.map\(\(row, i\) => \{/,
        "const T = X[0].map((_, j) => X.map((r) => r[j])); return X.map((row0, i) => { const row = T[i % T.length];",
      ),
    ).toMatch(/Wrong (value|shape) at result\[/));
  it("an RNN step without the recurrent term W_h·h_{t−1}", () =>
    expect(wrong("rnn-step", "+ Wh[i].reduce((s, w, j) => s + w * hPrev[j], 0)", "")).toMatch(
      /case 1 of 4 \(I = \d, H = \d\).*\n.*Wrong value at result\[/,
    ));
  it("an RNN step with W_h transposed", () =>
    expect(
      wrong("rnn-step", "Wh[i].reduce((s, w, j) => s + w * hPrev[j], 0)", "Wh.reduce((s, row, j) => s + row[i] * hPrev[j], 0)"),
    ).toMatch(/Wrong value at result\[/));
  it("BPTT without the gradient carried back through W_hᵀ (each step on its own)", () =>
    expect(wrong("rnn-bptt", "(dh[t - 1][i] + carry[i])", "dh[t - 1][i]")).toMatch(
      /case 1 of 3 \(T = 2 steps.*\n.*Wrong value at result\[\d\]\[\d\]/,
    ));
  it("BPTT taking h_t instead of h_{t−1} in the outer product", () =>
    expect(wrong("rnn-bptt", "dz[i] * hs[t - 1][j]", "dz[i] * hs[t][j]")).toMatch(/Wrong value at result\[/));
  it("BPTT carrying the gradient back through W_h instead of W_hᵀ", () =>
    expect(wrong("rnn-bptt", "s + Wh[i][j] * d", "s + Wh[j][i] * d")).toMatch(/Wrong value at result\[/));
  it("BPTT keeping only the last step's term (truncated to one step)", () =>
    expect(wrong("rnn-bptt", "t >= 1; t--", "t >= xs.length; t--")).toMatch(/Wrong value at result\[/));
  it("an LSTM step with the gates in the order i, f, o, g", () =>
    expect(wrong("lstm-step", "Math.tanh(a[2 * H + k])", "Math.tanh(a[3 * H + k])").replace(/\n/g, " ")).toMatch(
      /case 1 of 4 .*Wrong value at result\.[hc]\[\d\]/,
    ));
  it("an LSTM step with h = o·c (no tanh of the cell)", () =>
    expect(wrong("lstm-step", "sig(a[3 * H + k]) * Math.tanh(ck)", "sig(a[3 * H + k]) * ck")).toMatch(/Wrong value at result\.h\[0\]/));
  it("an LSTM step that forgets to keep f of the old cell", () =>
    expect(wrong("lstm-step", "sig(a[H + k]) * cp + ", "")).toMatch(/Wrong value at result\.[hc]\[/));
  it("a function that throws is reported with its error", () => {
    const r = gradeExercise("mse", () => {
      throw new TypeError("boom");
    });
    expect(formatReport(r).join(" ")).toMatch(/threw TypeError: boom/);
  });
  it("a wrong length is reported as a shape", () => {
    const r = gradeExercise("softmax-stable", (z: number[]) => z.slice(1));
    expect(formatReport(r)[1]).toMatch(/Wrong shape at result: expected length \d, got length \d/);
  });
});

describe("the text of the exercises (exercise-text.json, read through src/exercises/text.ts)", () => {
  const tables = { en, "zh-cn": zhCn } as Record<Lang, Record<string, string>>;
  beforeAll(() => loadCatalog("zh-cn"));
  /** The message keys of the case labels of every exercise, over enough seeds to reach every branch. */
  const labelKeys = new Set(
    EXERCISES.flatMap((ex) => Array.from({ length: 20 }, (_, s) => ex.cases(createRng(s + 1)).map((c) => c.label.key)).flat()),
  );

  it("every exercise has a title, a statement and three hints in each language, and every case label is a message", () => {
    for (const lang of ["en", "zh-cn"] as const) {
      for (const ex of EXERCISES)
        for (const part of ["title", "statement", "hint.1", "hint.2", "hint.3"])
          expect(tables[lang], `${lang} ${ex.id}`).toHaveProperty([`exercise.${ex.id}.${part}`]);
      for (const key of labelKeys) expect(tables[lang], lang).toHaveProperty([key]);
    }
    expect(exerciseText(exerciseById("lstm-step")!, "zh-cn").title).toBe("LSTM 的一步");
    expect(caseLabel({ key: "exercise.mse.case.size", vars: { n: 3 } }, "en")).toBe("n = 3");
  });

  it("every English message of the exercises is used: a title, statement or hint, a case label, or the grader's", () => {
    const texts = EXERCISES.flatMap((ex) =>
      ["title", "statement", "hint.1", "hint.2", "hint.3"].map((part) => `exercise.${ex.id}.${part}`),
    );
    const used = (key: string) => texts.includes(key) || labelKeys.has(key) || key.startsWith("exercise.grade.");
    expect(Object.keys(en).filter((key) => !used(key))).toEqual([]);
  });

  it("formatReport speaks the language asked for and starts with the mark the page reads (✓ or ✗) in each", () => {
    const fail = gradeExercise("softmax-stable", (z: number[]) => z.slice(1));
    const ok = gradeExercise("mse", compiled(exerciseById("mse")!.solution, "mseLoss"));
    expect(formatReport(ok, "zh-cn")).toEqual(["✓ 已通过：全部 4 个隐藏用例均通过。"]);
    expect(formatReport(fail, "zh-cn")[0]).toMatch(/^✗ 尚未通过：5 个用例中的第 1 个（\d 个 logit）未通过。$/);
    expect(formatReport(fail, "zh-cn")[1]).toMatch(/^result 处的形状不对：期望长度 \d，得到长度 \d。$/);
    expect(formatReport(gradeExercise("mse", 42), "zh-cn")[1]).toBe("mseLoss 不是一个函数");
    expect(formatReport(fail, "en")[1]).toMatch(/^Wrong shape at result: expected length \d, got length \d\.$/);
  });
});
