// What every widget gets from WidgetBase and must give back: a note that clears itself once it no longer
// applies, and no observer left running after the widget leaves the page.
import { expect, test } from "@playwright/test";

const CH2 = "chapters/02-neural-network-foundations/";

test("an error note clears on a valid value, and the link note goes by itself", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(CH2);
  const widget = page.locator("dl-network-diagram");
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  const note = widget.locator(".dl-messages");
  const box = widget.locator("#network-diagram-hidden1 + input");
  await box.fill("abc");
  await box.press("Enter");
  await expect(note).toContainText("must be a number");
  await box.fill("4");
  await box.press("Enter");
  await expect(note).toHaveText("");
  await widget.getByRole("button", { name: "Copy a link to this state" }).click();
  await expect(note).not.toHaveText("");
  await expect(note).toHaveText("", { timeout: 10_000 });
});

test("a widget taken off the page stops redrawing on theme changes, and starts again when put back", async ({ page }) => {
  await page.goto(CH2);
  const widget = page.locator("dl-network-diagram");
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  const renders = await widget.evaluate(async (el) => {
    const w = el as HTMLElement & { render(): void; renders?: number };
    const render = w.render.bind(w);
    w.renders = 0;
    w.render = () => {
      w.renders = (w.renders ?? 0) + 1;
      render();
    };
    const flip = async () => {
      const html = document.documentElement;
      html.dataset.theme = html.dataset.theme === "dark" ? "light" : "dark";
      await new Promise((done) => setTimeout(done, 50));
    };
    await flip();
    const attached = w.renders;
    const parent = w.parentElement!,
      next = w.nextSibling;
    w.remove();
    await flip();
    const detached = w.renders - attached;
    parent.insertBefore(w, next);
    await flip();
    return { attached, detached, again: w.renders - attached - detached };
  });
  expect(renders).toEqual({ attached: 1, detached: 0, again: 1 });
});
