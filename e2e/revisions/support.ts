import type { Browser, Page, TestInfo } from "@playwright/test";
import type { Db } from "@/lib/db";
import { signInAs } from "../support/users";

/** A second browser (own cookies and drafts) signed in as `handle`, for two people at once. */
export async function pageSignedInAs(
  browser: Browser,
  testInfo: TestInfo,
  handle: string,
  callbackUrl: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signInAs(page, handle, undefined, callbackUrl);
  return page;
}

export async function saveEdit(page: Page, summary: string, button = /Save changes|Propose changes/) {
  await page.getByLabel("Edit summary").fill(summary);
  await page.getByRole("button", { name: button }).click();
}

/**
 * /review lists the oldest items first, and other tests leave pending items too: date this
 * test's items back so they are on the first page of the queue.
 */
export async function putFirstInQueue(
  db: Db,
  { titles = [], revisionsOf = [] }: { titles?: string[]; revisionsOf?: string[] },
) {
  const longAgo = new Date("2001-01-01T00:00:00Z");
  if (titles.length) await db.entry.updateMany({ where: { title: { in: titles } }, data: { createdAt: longAgo } });
  if (revisionsOf.length)
    await db.revision.updateMany({
      where: { status: "pending", entry: { slug: { in: revisionsOf } } },
      data: { createdAt: longAgo },
    });
}
