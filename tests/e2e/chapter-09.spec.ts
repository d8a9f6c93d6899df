// Chapter 9's widgets: the sliding kernel is drawn on by keyboard and pointer and its written-out sum always equals the
// engine's entry, Slide walks the map, and the learned kernel arrives; the output-size widget shows the floor's unread
// pixel and the engine's error; the receptive field grows as the chapter says; pooling routes gradients to winners;
// and the parameter counts match the chapter's cell.
import { test, expect } from "@playwright/test";

const CH9 = "chapters/09-convolutional-networks/";

/** Opens the chapter and scrolls to a widget until it has hydrated: widgets above it grow as they load (their fallbacks
 * are shorter than the figures), which can push it back out of view after one scroll. */
async function openWidget(page: import("@playwright/test").Page, _url: string, selector: string) {
  await page.goto(CH9);
  const widget = page.locator(selector);
  await expect
    .poll(
      async () => {
        await widget.scrollIntoViewIfNeeded();
        return widget.getAttribute("data-hydrated");
      },
      { timeout: 20_000 },
    )
    .toBe("");
  return widget;
}

/** Sets a slider through its number box (Enter commits it). */
async function setNumber(page: import("@playwright/test").Page, id: string, value: string) {
  const box = page.locator(`#${id} + input`);
  await box.fill(value);
  await box.press("Enter");
}

/** The written-out sum's value and the engine's value, as shown. */
async function sums(w: import("@playwright/test").Locator) {
  const sum = (await w.locator(".dl-cs-sum").textContent())!.split("= ").at(-1)!.trim();
  const engine = (await w.locator(".dl-cs-lines p").nth(2).textContent())!.match(/gives (\S+) for/)![1];
  return { sum, engine };
}

test("the sliding kernel: keyboard drawing changes the map, Next and Slide move the kernel, the sum equals the engine's entry", async ({
  page,
}) => {
  const w = await openWidget(page, CH9, "dl-conv-slider");
  await page.locator("#conv-slider-picture").selectOption("blank");
  const draw = w.locator(".dl-cs-draw");
  await expect(w.locator(".dl-cs-sum")).toContainText("= 0");
  // Draw a vertical stroke in column 3 (rows 1-3) by keyboard: the first window's right column.
  await draw.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  for (let r = 0; r < 3; r++) {
    const t0 = Date.now();
    await page.keyboard.press("Space");
    await expect(draw).toHaveAttribute("aria-label", /pixel inked/);
    console.log(`[chapter-09] toggle by keyboard: ${Date.now() - t0} ms`);
    await page.keyboard.press("ArrowDown");
  }
  await expect(draw).toHaveAttribute("aria-label", /row 4, column 3/);
  // Right minus left with weights 1, 2, 1 over a full right column: 4.
  await expect(w.locator(".dl-cs-sum")).toHaveText(/= 4$/);
  let s = await sums(w);
  expect(s.sum).toBe(s.engine);
  await w.getByRole("button", { name: "Next position" }).click();
  await expect(w.locator(".dl-cs-lines p").first()).toContainText("Position 2 of 144");
  s = await sums(w);
  expect(s.sum).toBe(s.engine);
  // A pointer drag paints too.
  const box = (await draw.locator("svg").boundingBox())!;
  const cell = box.width / 14;
  const before = await draw.innerHTML();
  await page.mouse.move(box.x + cell * 8.5, box.y + cell * 6.5);
  await page.mouse.down();
  await page.mouse.move(box.x + cell * 10.5, box.y + cell * 6.5, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => draw.innerHTML()).not.toBe(before);
  await expect(draw).toHaveAttribute("aria-label", /Cursor at row 7, column 11, pixel inked/);
  // Slide advances by itself.
  await w.getByRole("button", { name: "Slide" }).click();
  await expect(w.locator(".dl-cs-lines p").first()).toContainText(/Position ([3-9]|\d\d+) of 144/, { timeout: 5_000 });
  await w.getByRole("button", { name: "Pause" }).click();
  // Taking the position while it slides stops the slide at the reader's position.
  await w.getByRole("button", { name: "Slide" }).click();
  await expect(w.getByRole("button", { name: "Pause" })).toBeVisible();
  await setNumber(page, "conv-slider-position", "20");
  await expect(w.getByRole("button", { name: "Slide" })).toBeVisible();
  await page.waitForTimeout(400);
  await expect(w.locator(".dl-cs-lines p").first()).toContainText("Position 20 of 144");
  s = await sums(w);
  expect(s.sum).toBe(s.engine);
});

test("the learned kernel finishes training in the page and says how well its network separates the strokes", async ({ page }) => {
  const w = await openWidget(page, CH9, "dl-conv-slider");
  await page.locator("#conv-slider-kernel").selectOption("learned");
  await expect(w.locator(".dl-cs-lines")).toContainText("learned just now", { timeout: 20_000 });
  await expect(w.locator(".dl-cs-lines")).toContainText(/classifies (9\d|100) %/);
  const s = await sums(w);
  expect(s.sum).toBe(s.engine);
});

test("the output-size widget fills the formula in, marks the pixel the floor leaves unread, and shows the engine's error", async ({
  page,
}) => {
  const w = await openWidget(page, CH9, "dl-conv-geometry");
  await expect(w.locator(".dl-cs-sum")).toHaveText(/= 3$/);
  await expect(w.locator(".dl-conv-lines")).toContainText("input pixel(s) 8 are never read");
  await setNumber(page, "conv-geometry-p", "1");
  await setNumber(page, "conv-geometry-s", "1");
  await expect(w.locator(".dl-cs-sum")).toHaveText(/= 8$/);
  await expect(w.locator(".dl-conv-lines")).toContainText("Every input pixel is read");
  await setNumber(page, "conv-geometry-p", "0");
  await setNumber(page, "conv-geometry-n", "3");
  await setNumber(page, "conv-geometry-k", "5");
  await expect(w.locator(".dl-conv-error")).toContainText("does not fit");
});

test("the receptive field grows by 2 per 3×3 layer, faster after a stride of 2", async ({ page }) => {
  const w = await openWidget(page, CH9, "dl-receptive-field");
  const sizes = () => w.locator(".dl-rf-table tbody tr td:nth-child(2)").allTextContents();
  expect(await sizes()).toEqual(["3", "5", "7"]);
  await w.getByLabel("Stride 2 in layer 1").check();
  await expect.poll(sizes).toEqual(["3", "7", "11"]);
  await w.getByLabel(/Double the dilation/).check();
  await expect(w.locator("[data-figure]")).toContainText("depends on 27 × 27 input pixels");
});

test("pooling: max sends gradients to the winners only, average shares them, and a shift changes some pooled values", async ({ page }) => {
  const w = await openWidget(page, CH9, "dl-pooling-lab");
  await expect(w.locator(".dl-conv-lines")).toContainText("⌊(8 − 2) / 2⌋ + 1 = 4");
  const gradient = async () => ((await w.locator("svg").nth(2).getAttribute("aria-label")) ?? "").split(": ")[1].split(", ").map(Number);
  // 16 outputs, each gradient 1 goes to one winner: 16 ones, 48 zeros.
  expect((await gradient()).filter((g) => g === 1)).toHaveLength(16);
  expect((await gradient()).filter((g) => g === 0)).toHaveLength(48);
  await page.locator("#pooling-lab-mode").selectOption("avg");
  await expect.poll(async () => new Set(await gradient())).toEqual(new Set([0.25]));
  await w.getByLabel(/Shift the map/).check();
  await expect(w.locator(".dl-conv-lines")).toContainText(/After the shift, \d+ of 16 pooled values are the same/);
});

test("the parameter widget agrees with the chapter's cell and grows the dense count with the image", async ({ page }) => {
  const w = await openWidget(page, CH9, "dl-conv-params");
  await expect(w.locator(".dl-conv-lines")).toContainText("= 80");
  await expect(w.locator(".dl-conv-lines")).toContainText("= 4,245,280");
  await setNumber(page, "conv-params-size", "56");
  await expect(w.locator(".dl-conv-lines")).toContainText("= 80");
  await expect(w.locator(".dl-conv-lines")).toContainText("Input 1 × 56 × 56 = 3,136 numbers");
});
