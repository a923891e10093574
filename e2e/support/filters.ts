import { expect, type Page } from "@playwright/test";

/** Waits until the page's filter form applies a changed select at once (AutoSubmit has run). */
export async function filtersReady(page: Page) {
  await expect(page.locator("form[data-auto-submit=on]")).toHaveCount(1);
}
