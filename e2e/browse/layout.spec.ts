import type { Page } from "@playwright/test";
import { userWithToken } from "../api/support";
import { putFirstInQueue } from "../revisions/support";
import { addEntry, GUIDE_SLUG, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { signInAs } from "../support/users";

// /tags/postgresql: seeded cards with long "Verified with" lines, which no other test pushes off.
const pages = ["/", `/entries/${GUIDE_SLUG}`, "/tags", "/tags/asyncio", "/tags/postgresql"];

test.describe("phone width", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  for (const path of pages) {
    test(`${path} fits without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      await expectNoSidewaysScrolling(page);
      await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    });
  }
});

test.describe("phone width, for moderators", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  test("the review queue, its agent marks and reports, and an entry's outcome counts fit", async ({ page, db }) => {
    const { user: moderator, token } = await userWithToken(db, "moderator");
    const agent = "claude-code-with-a-rather-long-client-name";
    const submittedTitle = uniqueName("Agent submitted on a phone");
    const reportedTitle = uniqueName("Reported wrong on a phone");
    const submitted = await addEntry(db, { title: submittedTitle, status: "pending" });
    await db.revision.updateMany({ where: { entryId: submitted.id }, data: { agentClient: agent } });
    await putFirstInQueue(db, { titles: [submittedTitle] });
    const reported = await addEntry(db, { title: reportedTitle });
    const tokenId = (await db.apiToken.findFirstOrThrow({ where: { userId: moderator.id } })).id;
    await db.entryOutcome.create({ data: { entryId: reported.id, tokenId, outcome: "wrong", agentClient: agent } });

    await signInAs(page, moderator.handle, undefined, "/review");
    await expect(page.getByRole("article").filter({ hasText: submittedTitle })).toContainText(`via agent ${agent}`);
    await expect(page.getByText(reportedTitle)).toBeVisible();
    await expectNoSidewaysScrolling(page);
    await page.goto("/review/unverified");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScrolling(page);
    await page.goto(`/entries/${reported.slug}`);
    await expect(page.getByTestId("agent-outcomes")).toContainText("1");
    await expectNoSidewaysScrolling(page);
    expect(token).toMatch(/^hb_/);
  });
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

async function expectNoSidewaysScrolling(page: Page) {
  const { overflow, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements that reach past the right edge, to say what overflows.
    const past = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > width + 1);
    const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other)));
    return {
      overflow: document.documentElement.scrollWidth - width,
      widest: innermost.slice(0, 3).map((el) => `<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").slice(0, 60)}`),
    };
  });
  expect(overflow, `${page.url()}: ${widest.join(" | ")}`).toBeLessThanOrEqual(0);
}

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
