// Generic widget checks: every widget on a page hydrates when scrolled into view, and every
// control changes its figure.
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

/** Changes each control once (by keyboard for sliders) and expects the figure to change. */
export async function everyControlChangesFigure(widget: Locator): Promise<number> {
  const figure = widget.locator("[data-figure]");
  const controls = await widget.locator("[data-control]").all();
  for (const control of controls) {
    // A control inside folded settings (WidgetBase.settingsGroup) is reached by unfolding them first.
    await control.evaluate((el) => {
      for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
    });
    const before = await figure.innerHTML();
    const tag = await control.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
    if (tag === "INPUT:range") {
      await control.focus();
      const value = await control.inputValue();
      const max = await control.getAttribute("max");
      await control.press(value === max ? "Home" : "End");
    } else if (tag.startsWith("SELECT")) {
      const options = await control.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await control.inputValue();
      await control.selectOption(options.find((o) => o !== current)!);
    } else {
      await control.focus();
      await control.press("Space");
    }
    const name = await control.getAttribute("data-control");
    await expect.poll(() => figure.innerHTML(), { message: `control "${name}" should change the figure` }).not.toBe(before);
  }
  return controls.length;
}
