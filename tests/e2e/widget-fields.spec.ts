// A shared link carrying off-step, hexadecimal and HTML values opens a working widget with a note. Every
// number field of every widget gets careless and hostile input in the crawl (hostile-fields.ts), on the
// pages it has already loaded.
import { expect, test } from "@playwright/test";
import { watch } from "./watch";

test("a shared link with off-step, hexadecimal and HTML values opens a working widget with a note", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const query = "?network-diagram.hidden1=1.5&network-diagram.hidden2=0x10&network-diagram.seed=%3Cimg%20src%3Dx%3E";
  await page.goto(`chapters/02-neural-network-foundations/${query}`);
  const widget = page.locator("dl-network-diagram");
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  const note = widget.locator(".dl-messages");
  await expect(note).toContainText("moves in steps of 1; it was set to 2");
  await expect(note).toContainText("must be a number");
  await expect(widget.locator("[data-figure] svg").first()).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.console).toEqual([]);
});
