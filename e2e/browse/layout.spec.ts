import { GUIDE_SLUG } from "../support/data";
import { expect, test } from "../support/fixtures";

const pages = ["/", `/entries/${GUIDE_SLUG}`, "/tags", "/tags/asyncio"];

test.describe("phone width", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  for (const path of pages) {
    test(`${path} fits without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    });
  }
});

test.describe("dark mode follows the system setting", () => {
  test.use({ colorScheme: "dark" });
  test("pages use a dark background and light text", async ({ page }) => {
    await page.goto(`/entries/${GUIDE_SLUG}`);
    const [background, color] = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.backgroundColor, style.color];
    });
    expect(luminance(background)).toBeLessThan(0.1);
    expect(luminance(color)).toBeGreaterThan(0.7);
  });
});

test.describe("light mode", () => {
  test.use({ colorScheme: "light" });
  test("pages use a light background", async ({ page }) => {
    await page.goto("/");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(background)).toBeGreaterThan(0.9);
  });
});

/** Relative luminance of a CSS color as computed by the browser (rgb() or oklch()/lab() in modern Chromium). */
function luminance(css: string): number {
  const rgb = css.match(/^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)/);
  if (rgb) {
    const [r, g, b] = rgb.slice(1, 4).map((v) => Number(v) / 255);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }
  const lightness = css.match(/^(?:oklch|oklab|lab|lch)\(([\d.]+)(%?)/);
  if (lightness)
    return (
      Number(lightness[1]) / (lightness[2] === "%" ? 100 : css.startsWith("lab") || css.startsWith("lch") ? 100 : 1)
    );
  throw new Error(`unexpected color ${css}`);
}
