// Careless and hostile input in the number fields of a widget. Every field takes its bounds and a value between two
// steps (what the widget computes with); each widget's first field also takes NaN, ±Infinity, 1e308, hexadecimal,
// nothing, 10,000 characters and an HTML payload: every number box is made and read by one piece of code (WidgetBase,
// base.ts), and what it keeps of such text is a bound or the value already there. The widget keeps a valid value, shows
// a note where it changed or refused the input, keeps drawing and never turns the text into markup. Run by the crawl
// on every chapter it has loaded.
import { expect, type Locator } from "@playwright/test";

const HOSTILE = ["NaN", "Infinity", "-Infinity", "1e308", "0x10", "", "9".repeat(10_000), '<img src=x onerror="window.__pwned=1">'];

/** Chapters whose widgets have no number field (the quiz and the errata); every other chapter must have some. */
export const NO_FIELDS = new Set(["chapters/11-interview-preparation/", "chapters/errata/"]);

/** Types careless values into each number field of the widgets, hostile ones into each widget's first; returns how many fields it tried. */
export async function tryHostileFields(widgets: Locator[]): Promise<number> {
  let fields = 0;
  for (const widget of widgets) {
    const report = await widget.evaluate(async (el, hostile) => {
      const out: { field: string; value: string; problem: string }[] = [];
      let count = 0;
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      // A Play left running by the control crawl moves its own field (the RNN stepper's step): pause it first.
      for (const play of el.querySelectorAll<HTMLButtonElement>("[data-running]")) play.click();
      for (const slider of el.querySelectorAll<HTMLInputElement>("input[type=range]")) {
        const box = slider.nextElementSibling;
        if (!(box instanceof HTMLInputElement) || slider.disabled) continue;
        const first = count === 0;
        count++;
        const min = Number(slider.min),
          max = Number(slider.max),
          step = Number(slider.step) || 1;
        const start = box.value;
        const offStep = min + step * 1.5 <= max ? String(min + step * 1.5) : String(min);
        for (const raw of [String(min), String(max), offStep, ...(first ? hostile : []), start]) {
          box.value = raw;
          box.dispatchEvent(new Event("change"));
          await frame();
          const value = Number(box.value),
            // The widget's own note line (a child of the widget): parts such as the playground's data
            // controls keep their own status line inside the panel.
            note = el.querySelector(":scope > .dl-messages")?.textContent ?? "";
          const onGrid = Math.abs((value - min) / step - Math.round((value - min) / step)) < 1e-6 || value === max;
          const figure = el.querySelector("[data-figure]");
          const label = `${slider.id}=${raw.slice(0, 24)}`;
          if (!(value >= min && value <= max && onGrid))
            out.push({ field: label, value: box.value, problem: "value off the field's grid or range" });
          if (Number(slider.value) !== value) out.push({ field: label, value: box.value, problem: `slider shows ${slider.value}` });
          if (raw !== box.value && raw !== start && note.trim() === "")
            out.push({ field: label, value: box.value, problem: "changed without a note" });
          if (/error/i.test(note)) out.push({ field: label, value: box.value, problem: `note: ${note}` });
          if (!figure || figure.children.length === 0) out.push({ field: label, value: box.value, problem: "figure is empty" });
        }
      }
      return { out, count };
    }, HOSTILE);
    fields += report.count;
    expect(report.out, (await widget.getAttribute("id")) ?? "a widget").toEqual([]);
  }
  const page = widgets[0]?.page();
  if (page) {
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  }
  return fields;
}
