import { addEntry, uniqueName } from "../support/data";
import { expect, test } from "../support/fixtures";
import { addUser, signInAs } from "../support/users";
import { pageSignedInAs, saveEdit } from "./support";

test("two people editing at once: different fields merge, the same sentence is a conflict and nothing is lost", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.slow(); // several people, several saves
  const author = await addUser(db);
  const moderator = await addUser(db, { role: "moderator" });
  const { id, slug } = await addEntry(db, {
    title: uniqueName("Concurrent edits"),
    problem: "The pool starts too many workers.\n\nIt runs out of memory.",
    why: "Each worker copies the data.",
  });
  await db.entry.update({ where: { id }, data: { authorId: author.id } });

  await signInAs(page, author.handle, undefined, `/entries/${slug}/edit`);
  const other = await pageSignedInAs(browser, testInfo, moderator.handle, `/entries/${slug}/edit`);

  // Round 1: different fields.
  await page.getByLabel("Why").fill("Each worker process gets its own copy of the data.");
  await other.getByLabel("Context").fill("Seen with multiprocessing.Pool on Linux.");
  await saveEdit(page, "Explain the copies");
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}$`));
  await saveEdit(other, "Add context");
  await expect(other).toHaveURL(new RegExp(`/entries/${slug}$`));
  await expect(other.locator("#why")).toContainText("Each worker process gets its own copy of the data.");
  await expect(other.locator("#context")).toContainText("Seen with multiprocessing.Pool on Linux.");
  await expect(other.getByRole("heading", { name: "Revisions (2)" })).toBeVisible();

  // Round 2: the same sentence.
  await page.goto(`/entries/${slug}/edit`);
  await other.goto(`/entries/${slug}/edit`);
  await page.getByLabel("Problem").fill("The pool starts one worker per CPU.\n\nIt runs out of memory.");
  await other
    .getByLabel("Problem")
    .fill("The pool starts a worker per task.\n\nIt runs out of memory with large inputs.");
  await saveEdit(page, "Fix the worker count");
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}$`));
  await saveEdit(other, "Describe the failure");

  await expect(other.getByRole("main").getByRole("alert")).toContainText("Someone else changed this entry");
  const conflict = other.getByRole("group", { name: "Conflict in Problem" });
  await expect(conflict.getByTestId("conflict-theirs")).toHaveText("The pool starts one worker per CPU.");
  await expect(conflict.getByTestId("conflict-yours")).toHaveText("The pool starts a worker per task.");
  // The second paragraph did not overlap: it merged, and the form holds the other person's text for the first.
  await expect(other.getByRole("textbox", { name: "Problem" })).toHaveValue(
    "The pool starts a worker per task.\n\nIt runs out of memory with large inputs.",
  );
  await expect(other.getByLabel("Edit summary")).toHaveValue("Describe the failure");
  await other.reload();
  await expect(other.getByRole("textbox", { name: "Problem" })).toHaveValue(
    "The pool starts a worker per task.\n\nIt runs out of memory with large inputs.",
  );

  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other).toHaveURL(new RegExp(`/entries/${slug}$`));
  await expect(other.locator("#problem")).toContainText("The pool starts a worker per task.");
  await expect(other.locator("#problem")).toContainText("It runs out of memory with large inputs.");
  const revisions = await db.revision.findMany({
    where: { entryId: id },
    orderBy: { number: "asc" },
    select: { number: true, summary: true, problem: true },
  });
  expect(revisions.map((revision) => revision.summary)).toEqual([
    "Original submission",
    "Explain the copies",
    "Add context",
    "Fix the worker count",
    "Describe the failure",
  ]);
  expect(revisions[3]?.problem).toBe("The pool starts one worker per CPU.\n\nIt runs out of memory.");
});

test("choosing their side of a conflict puts their text in the form", async ({ page, browser, db }, testInfo) => {
  test.slow(); // several people, several saves
  const moderator = await addUser(db, { role: "moderator" });
  const second = await addUser(db, { role: "moderator" });
  const { slug } = await addEntry(db, { title: uniqueName("Conflict resolution"), solution: "Use a bounded queue." });
  await signInAs(page, moderator.handle, undefined, `/entries/${slug}/edit`);
  const other = await pageSignedInAs(browser, testInfo, second.handle, `/entries/${slug}/edit`);
  await page.getByLabel("Solution").fill("Use a bounded asyncio.Queue.");
  await other.getByLabel("Solution").fill("Use a bounded queue.Queue.");
  await saveEdit(page, "Name the queue");
  await expect(page).toHaveURL(new RegExp(`/entries/${slug}$`));
  await saveEdit(other, "Name the other queue");
  const conflict = other.getByRole("group", { name: "Conflict in Solution" });
  await conflict.getByRole("button", { name: "Use theirs" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(other.getByRole("textbox", { name: "Solution" })).toHaveValue("Use a bounded asyncio.Queue.");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toHaveText("This edit does not change anything.");
});

test("a moderator rolls an entry back to an earlier revision as a new revision", async ({ page, db }) => {
  const moderator = await addUser(db, { role: "moderator" });
  const { slug } = await addEntry(db, { title: uniqueName("Rollback target"), solution: "The good solution." });
  await signInAs(page, moderator.handle, undefined, `/entries/${slug}/edit`);
  await page.getByLabel("Solution").fill("Vandalized solution.");
  await saveEdit(page, "Vandalism");
  await expect(page.locator("#solution")).toContainText("Vandalized solution.");

  await page.goto(`/entries/${slug}/history`);
  const rollback = page.getByRole("form", { name: "Roll back" });
  await rollback.getByLabel("Revision to show again").selectOption("0");
  await rollback.getByLabel("Reason").fill("Undo vandalism");
  await rollback.getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("Rolled back to #0: Undo vandalism");
  await expect(page.getByRole("row")).toHaveCount(4);

  await page.goto(`/entries/${slug}`);
  await expect(page.locator("#solution")).toContainText("The good solution.");
  await expect(page.getByRole("heading", { name: "Revisions (2)" })).toBeVisible();

  await page.goto(`/entries/${slug}/history`);
  const status = page.getByRole("form", { name: "Change status" });
  await status.getByLabel("New status").selectOption("archived");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("alert")).toHaveText("Give a reason; the author sees it.");
  await status.getByLabel(/Reason/).fill("Superseded by a newer entry");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("region", { name: "Status changes" })).toContainText("Superseded by a newer entry");
  await expect(page.getByRole("region", { name: "Status changes" })).toContainText(`@${moderator.handle}`);
});
