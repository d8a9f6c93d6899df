// Printing a chapter: "Print this chapter" loads every widget, waits for their figures and opens the
// print dialog; the PDF then holds each widget's figure (its caption and the labels of its chart) and
// every code cell with its indentation. Checked on chapters 3 and 4 with pdfjs reading Chromium's PDF.
import { test, expect, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

interface PdfLine {
  text: string;
  x: number;
}

/** The PDF's lines of text, each with the x of its first glyph (so indentation can be measured). */
async function pdfLines(pdf: Buffer): Promise<PdfLine[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: PdfLine[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of (await (await doc.getPage(p)).getTextContent()).items) {
      if (!("str" in item) || item.str === "") continue;
      const y = Math.round(item.transform[5]);
      (rows.get(y) ?? rows.set(y, []).get(y)!).push({ x: item.transform[4], str: item.str });
    }
    for (const [, items] of [...rows].sort((a, b) => b[0] - a[0])) {
      items.sort((a, b) => a.x - b.x);
      lines.push({ text: items.map((i) => i.str).join(""), x: items[0].x });
    }
  }
  return lines;
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** Presses "Print this chapter" with the dialog stubbed out; resolves when it would have opened. */
async function printChapter(page: Page, url: string) {
  await page.addInitScript(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => void ((window as unknown as { printed: boolean }).printed = true);
  });
  await page.goto(url);
  await page.getByRole("button", { name: "Print this chapter" }).click();
  await page.waitForFunction(() => (window as unknown as { printed: boolean }).printed, undefined, { timeout: 60_000 });
}

for (const chapter of ["chapters/03-training-neural-networks/", "chapters/04-optimization-algorithms/"]) {
  test(`printing ${chapter} keeps every widget's figure and the cells' code with its indentation`, async ({ page }) => {
    test.setTimeout(180_000);
    await printChapter(page, chapter);
    // Formulas far down the page ship as data until their prose comes near (deferred-formulas.ts): all are drawn.
    await expect(page.locator("template[data-formula]")).toHaveCount(0);
    expect(await page.locator(".katex-html").count()).toBe(await page.locator(".katex").count());
    const widgets = await page.locator("[data-widget]").all();
    expect(widgets.length).toBeGreaterThan(0);
    // Every widget drew its live figure before the dialog opened, even those never scrolled to.
    for (const w of widgets) await expect(w).toHaveAttribute("data-hydrated", "");

    // What each figure should put on paper: the widget's title and the labels of its charts.
    const expected = await page.locator("figure.dl-widget").evaluateAll((figs) =>
      figs.map((f) => ({
        title: f.querySelector(".dl-widget-title")?.textContent?.trim() ?? "",
        labels: [...f.querySelectorAll("[data-figure] svg text")]
          .map((t) => t.textContent?.trim() ?? "")
          .filter((s) => /[A-Za-z]{3}/.test(s))
          .slice(0, 2),
      })),
    );
    // A cell line that is indented under the line before it.
    const nested = await page.locator("dl-cell [data-view] pre").evaluateAll((pres) => {
      for (const pre of pres) {
        const lines = (pre.textContent ?? "").split("\n");
        const k = lines.findIndex((l, i) => i > 0 && /^\s+\S/.test(l) && /^\S/.test(lines[i - 1]));
        if (k > 0) return { outer: lines[k - 1], inner: lines[k] };
      }
      return null;
    });
    // Every cell's first and last line of code, to find on paper (textContent: a cell's code off screen is not
    // laid out, and innerText reads nothing there).
    const cellEnds = await page
      .locator("dl-cell [data-view] pre")
      .evaluateAll((pres) =>
        pres.map((pre) => (pre.textContent ?? "").split("\n").filter((l) => l.trim() !== "")).map((l) => [l[0], l[l.length - 1]]),
      );
    expect(cellEnds.length, "the chapter has cells").toBeGreaterThan(0);

    await page.emulateMedia({ media: "print" });
    for (const w of widgets) {
      const figure = w.locator("[data-figure]");
      await expect(figure).toBeVisible();
      const box = (await figure.boundingBox())!;
      const png = await figure.screenshot();
      expect(png.length / (box.width * box.height), "the printed figure is not blank").toBeGreaterThan(0.02);
    }
    const lines = await pdfLines(await page.pdf({ format: "A4", printBackground: true }));
    const text = squash(lines.map((l) => l.text).join("\n"));
    for (const { title, labels } of expected) {
      expect(text, `the PDF has the widget "${title}"`).toContain(squash(title));
      for (const label of labels) expect(text, `the PDF has "${label}" from the figure of "${title}"`).toContain(squash(label));
    }
    const at = (line: string) => lines.find((l) => squash(l.text).startsWith(squash(line).slice(0, 30)));
    for (const line of cellEnds.flat()) expect(at(line), `the PDF has the cell line "${line}"`).toBeDefined();
    // Where a chapter's cells nest a block, the inner line stands further right on paper; runs of spaces
    // (aligned comments) are kept by white-space: pre-wrap.
    if (nested) expect(at(nested.inner)!.x, `"${nested.inner}" is indented on paper`).toBeGreaterThan(at(nested.outer)!.x + 5);
    expect(
      await page
        .locator("dl-cell [data-view] pre")
        .first()
        .evaluate((pre) => getComputedStyle(pre).whiteSpace),
    ).toBe("pre-wrap");
  });
}
