// Chapter 10's widgets: the attention heatmap follows a typed sentence (bounded at 12 words, an empty box explained),
// repeated words get equal keys, the causal mask zeroes later keys and keeps rows summing to 1, dropping the √d scale
// sharpens a row, and the sentence travels in the URL and in a copied link; the scaling widget shows saturation
// without the scale at d = 512 and none at d = 1; multi-head attention draws one heatmap per head with the same
// parameter count; the positional encoding's self dot product is d/2 and depends on the offset only.
import { test, expect, type Locator, type Page } from "@playwright/test";
import { watch } from "./watch";

const CH10 = "chapters/10-attention-and-transformers/";

async function open(page: Page, selector: string, query = "") {
  await page.goto(CH10 + query);
  const widget = page.locator(selector);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return widget;
}

/** Sets a slider through its number box (Enter commits it). */
async function setNumber(widget: Locator, id: string, value: string) {
  const box = widget.locator(`#${id} + input`);
  await box.fill(value);
  await box.press("Enter");
}

/** A readout's value by its term. */
const readout = (widget: Locator, term: string | RegExp) => widget.locator(".dl-readouts dt", { hasText: term }).locator("+ dd");

/** The opened-up row of the heatmap: key label → [q·k, score, weight] as shown. */
async function rowTable(widget: Locator): Promise<Map<string, string[]>> {
  const rows = await widget
    .locator(".dl-attention-row tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
  return new Map(rows.map(([key, ...rest]) => [key, rest]));
}

test("the heatmap follows a typed sentence, bounded at 12 words, and explains an empty box", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-attention-heatmap");
  const box = w.getByLabel("Sentence (up to 12 words)");
  const note = w.locator(".dl-sentence-note");
  await expect(note).toHaveText("10 of at most 12 words.");
  await expect(w.locator(".dl-attention-row-title")).toContainText("Row 8, query “it”");
  const t0 = Date.now();
  await box.fill("the dog saw the dog");
  await expect(note).toHaveText("5 of at most 12 words.");
  console.log(`[timing] heatmap redraw after typing: ${Date.now() - t0} ms`);
  // The row slider now spans the five words, and row 8 is held to row 5.
  await expect(w.locator('input[type="range"][data-control="row"]')).toHaveAttribute("max", "5");
  await expect(w.locator(".dl-attention-row-title")).toContainText("Row 5, query “dog”");
  // Equal words have equal vectors: "2 dog" and "5 dog" get the same score and weight; with raw vectors a word's
  // own key is its best match, so the two "dog" keys share the largest weight.
  const row = await rowTable(w);
  expect(row.get("2 dog")).toEqual(row.get("5 dog"));
  expect(row.get("1 the")).toEqual(row.get("4 the"));
  expect(Number(row.get("5 dog")![2])).toBeGreaterThan(Number(row.get("3 saw")![2]));
  await expect(w.locator("[data-figure] svg")).toHaveCount(1);
  // Fifteen words: the first twelve are used, and the note says so.
  await box.fill(Array.from({ length: 15 }, (_, k) => `w${k}`).join(" "));
  await expect(note).toHaveText("Only the first 12 words are used; 3 more were left out.");
  await expect(w.locator(".dl-attention-row tbody tr")).toHaveCount(12);
  // An empty box keeps the last sentence and says why.
  await box.fill("  ,. ");
  await expect(note).toHaveText("No words in the box: the figure keeps the last sentence that had some.");
  await expect(w.locator(".dl-attention-row tbody tr")).toHaveCount(12);
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the causal mask zeroes later keys and keeps each row summing to 1; dropping √d sharpens the row", async ({ page }) => {
  const w = await open(page, "dl-attention-heatmap");
  const entropy = async () => Number.parseFloat((await readout(w, "Entropy of row").textContent()) ?? "");
  const scaledEntropy = await entropy();
  await w.getByLabel("Divide scores by √d").uncheck();
  await expect(w.locator(".dl-attention-row thead")).toContainText("score q·k (unscaled)");
  expect(await entropy()).toBeLessThan(scaledEntropy);
  await w.getByLabel("Divide scores by √d").check();
  await w.getByLabel("Causal mask").check();
  await setNumber(w, "attention-heatmap-row", "3");
  const row = await rowTable(w);
  for (const key of ["4 on", "5 the", "10 tired"]) {
    expect(row.get(key)![1]).toBe("−∞");
    expect(Number(row.get(key)![2])).toBe(0);
  }
  expect(Number(row.get("1 the")![2])).toBeGreaterThan(0);
  await expect(readout(w, "Sum of the row's weights")).toHaveText("1");
  await expect(readout(w, "Entropy if uniform")).toHaveText("1.1 nats"); // ln 3 = 1.0986, to three digits
});

test("the sentence is read from the URL and written into a copied link", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const w = await open(page, "dl-attention-heatmap", "?attention-heatmap.sentence=hello%20small%20world&attention-heatmap.causal=1");
  await expect(w.getByLabel("Sentence (up to 12 words)")).toHaveValue("hello small world");
  await expect(w.getByLabel("Causal mask")).toBeChecked();
  await w.getByLabel("Sentence (up to 12 words)").fill("a b a");
  await w.getByRole("button", { name: "Copy a link to this state" }).click();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(link.searchParams.get("attention-heatmap.sentence")).toBe("a b a");
  expect(link.searchParams.get("attention-heatmap.causal")).toBe("1");
});

test("without the scale the softmax saturates at d = 512; at d = 1 the two ways agree", async ({ page }) => {
  const w = await open(page, "dl-attention-scaling");
  const table = async () =>
    new Map(
      (
        await w
          .locator(".dl-attention-row tbody tr")
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")))
      ).map(([k, s, u]) => [k, [Number(s), Number(u)]] as const),
    );
  const t0 = Date.now();
  await setNumber(w, "attention-scaling-d", "512");
  await expect(w.locator(".dl-internals-chart-title", { hasText: "at d = 512" })).toBeVisible();
  console.log(`[timing] scaling widget to d = 512: ${Date.now() - t0} ms`);
  let m = await table();
  expect(m.get("mean largest weight")![1]).toBeGreaterThan(0.9);
  expect(m.get("mean entropy (nats)")![1]).toBeLessThan(0.3);
  expect(m.get("mean entropy (nats)")![0]).toBeGreaterThan(1.5);
  expect(m.get("mean ‖∂a/∂s‖")![0]).toBeGreaterThan(4 * m.get("mean ‖∂a/∂s‖")![1]);
  await setNumber(w, "attention-scaling-d", "1");
  await expect(w.locator(".dl-internals-chart-title", { hasText: "at d = 1" })).toBeVisible();
  m = await table();
  for (const [, [s, u]] of m) expect(s).toBe(u);
  await expect(w.locator("[data-figure] .dl-chart-description")).toHaveCount(3);
});

test("multi-head attention draws one heatmap per head and keeps 4(E² + E) parameters", async ({ page }) => {
  const w = await open(page, "dl-multi-head-attention");
  const heads = w.locator(".dl-attention-head svg");
  await expect(heads).toHaveCount(4);
  await expect(readout(w, "Parameters")).toHaveText("1088");
  for (const [h, d] of [
    ["8", "2"],
    ["1", "16"],
    ["2", "8"],
  ]) {
    await w.getByLabel("Heads h (E = 16)").selectOption(h);
    await expect(heads).toHaveCount(Number(h));
    await expect(readout(w, "Parameters")).toHaveText("1088");
    await expect(readout(w, "Width per head")).toHaveText(d);
    await expect(readout(w, "Mean row entropy per head")).toHaveText(new RegExp(`^(\\d\\.\\d+(, )?){${h}}$`));
  }
  await expect(w.locator(".dl-internals-chart-title").first()).toHaveText("average of the 2 heads");
});

test("a positional encoding has squared length d/2, and its dot products depend only on the offset", async ({ page }) => {
  const w = await open(page, "dl-positional-encoding");
  await expect(readout(w, "PE_p · PE_p (always d/2)")).toHaveText("16");
  await setNumber(w, "positional-encoding-d", "64");
  await expect(readout(w, "PE_p · PE_p (always d/2)")).toHaveText("32");
  const offset = Number(await readout(w, "Largest change").textContent());
  expect(offset).toBeLessThan(1e-12);
  await setNumber(w, "positional-encoding-positions", "8");
  await expect(w.locator('input[type="range"][data-control="pos"]')).toHaveAttribute("max", "7");
  await expect(w.locator(".dl-internals-chart-title").first()).toHaveText("PE at position 7 · PE at every position");
});
