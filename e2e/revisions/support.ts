import type { Browser, Page, TestInfo } from "@playwright/test";
import { signInAs } from "../support/users";

/** A second browser (own cookies and drafts) signed in as `handle`, for two people at once. */
export async function pageSignedInAs(browser: Browser, testInfo: TestInfo, handle: string, callbackUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signInAs(page, handle, undefined, callbackUrl);
  return page;
}

export async function saveEdit(page: Page, summary: string, button = /Save changes|Propose changes/) {
  await page.getByLabel("Edit summary").fill(summary);
  await page.getByRole("button", { name: button }).click();
}
