// Generic widget checks: every widget on a page hydrates when scrolled into view, and every
// control changes its figure.
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

export async function hydrateAll(page: Page): Promise<Locator[]> {
  const widgets = await page.locator("[data-widget]").all();
  for (const w of widgets) {
    await w.scrollIntoViewIfNeeded();
    await expect(w).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
    await expect(w.locator("[data-figure]")).toBeVisible();
  }
  return widgets;
}

/** Changes each control once (by keyboard for sliders), or the first `limit` controls, and expects the figure to
 * change each time; returns how many controls it changed. */
export async function everyControlChangesFigure(widget: Locator, limit = Number.POSITIVE_INFINITY): Promise<number> {
  // Controls are taken one at a time from the live list, by name and place among controls of that name:
  // a change may rebuild controls (a sort button, a layer's width slider appears) or disable some with
  // a reason (they drop data-control), so a list of elements taken once would point at elements that no
  // longer exist. A control is visited once, whatever element holds it now. The bookkeeping runs in the page,
  // one call before and one after each change: a long chapter has dozens of controls and large figures.
  const seen: string[] = [];
  while (seen.length < limit) {
    const next = await widget.evaluate(armNextControl, seen);
    if (!next) break;
    const { name, n, tag, value, max, options } = next;
    seen.push(`${name}#${n}`);
    const control = widget.locator(`[data-control="${name}"]`).nth(n);
    if (tag === "INPUT:range") {
      await control.focus();
      await control.press(value === max ? "Home" : "End");
    } else if (tag.startsWith("SELECT")) {
      await control.selectOption(options.find((o) => o !== value)!);
    } else {
      await control.focus();
      await control.press("Space");
    }
    const { changed, ms } = await widget.evaluate(figureChange, 15_000);
    expect(changed, `control "${name}" should change the figure`).toBe(true);
    interactionTimes.push({ widget: next.widget, control: name, ms: Math.round(ms ?? Number.NaN) });
  }
  return seen.length;
}

type Armed = { widget: string; name: string; n: number; tag: string; value: string; max: string | null; options: string[] };
type InteractionWindow = Window & { __interaction?: Promise<number>; __figureBefore?: string };

/** In the page: finds the first control not in `seen`, unfolds the settings around it (WidgetBase.settingsGroup),
 * notes the figure, and starts timing from the control's event to the next frame after the widget handled it
 * (recorded, not asserted). */
function armNextControl(el: Element, seen: string[]): Armed | null {
  const count = new Map<string, number>();
  for (const c of el.querySelectorAll<HTMLElement>("[data-control]")) {
    const name = c.getAttribute("data-control") ?? "";
    const n = count.get(name) ?? 0;
    count.set(name, n + 1);
    if (seen.includes(`${name}#${n}`)) continue;
    for (let d = c.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
    const w = window as InteractionWindow;
    w.__figureBefore = el.querySelector("[data-figure]")?.innerHTML;
    w.__interaction = new Promise((done) => {
      const start = (event: Event) => {
        for (const type of ["input", "change", "click"]) c.removeEventListener(type, start, true);
        const t0 = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
      };
      for (const type of ["input", "change", "click"]) c.addEventListener(type, start, true);
    });
    const input = c as HTMLInputElement;
    return {
      widget: el.id,
      name,
      n,
      tag: `${c.tagName}:${input.type}`,
      value: input.value,
      max: c.getAttribute("max"),
      options: c instanceof HTMLSelectElement ? [...c.options].map((o) => o.value) : [],
    };
  }
  return null;
}

/** In the page: waits for the armed control's first frame, then up to `timeout` ms for the figure to differ from
 * what armNextControl noted. */
async function figureChange(el: Element, timeout: number): Promise<{ changed: boolean; ms?: number }> {
  const w = window as InteractionWindow;
  const end = performance.now() + timeout;
  const ms = await Promise.race([w.__interaction, new Promise<undefined>((done) => setTimeout(done, timeout))]);
  for (;;) {
    if (el.querySelector("[data-figure]")?.innerHTML !== w.__figureBefore) return { changed: true, ms };
    if (performance.now() > end) return { changed: false, ms };
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Each control's time to the next frame, as everyControlChangesFigure measured it on this page. */
export const interactionTimes: { widget: string; control: string; ms: number }[] = [];

/** Writes the page's interaction times to test-results/interaction-times/ and prints the slowest. */
export function reportInteractionTimes(path: string): void {
  if (interactionTimes.length === 0) return;
  mkdirSync("test-results/interaction-times", { recursive: true });
  writeFileSync(`test-results/interaction-times/${path.replace(/[^\w]+/g, "_") || "home"}.json`, JSON.stringify(interactionTimes, null, 1));
  const slowest = [...interactionTimes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `[interaction] ${path}: ${interactionTimes.length} controls, slowest ${slowest.map((x) => `${x.widget}/${x.control} ${x.ms} ms`).join(", ")}`,
  );
  interactionTimes.length = 0;
}
