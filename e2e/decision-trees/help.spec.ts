import AxeBuilder from "@axe-core/playwright";
import { ERROR_EXAMPLE_GROUPS } from "@/lib/decision-trees/error-examples";
import { MAX_DEPTH, MAX_ID_LENGTH, MAX_NODES, MAX_PATHS } from "@/lib/decision-trees/types";
import { expect, test } from "../support/fixtures";
import { GUIDE_PATH, guideTree, treeRegion } from "./support";

test("the help page documents the format with the guide's tree as a live, copyable example", async ({
  page,
  db,
  context,
}) => {
  const { tree, paths } = await guideTree(db);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/help/decision-trees");
  await expect(page.getByRole("heading", { level: 1, name: "Decision trees" })).toBeVisible();
  for (const heading of [
    "A complete example",
    "The format",
    "Ids",
    "Limits",
    "How readers use a tree",
    "Errors and how to fix them",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  for (const key of ["start", "questions", "outcomes", "answers", "next", "title", "section", "entry"]) {
    await expect(page.locator("table code", { hasText: new RegExp(`^${key}$`) }).first()).toBeVisible();
  }
  const limits = page.getByRole("region", { name: "Limits of a tree" });
  for (const value of [MAX_NODES, MAX_DEPTH, MAX_ID_LENGTH, MAX_PATHS.toLocaleString("en")])
    await expect(limits).toContainText(String(value));

  // The copy button copies the whole fence, ready to paste into an entry.
  await page.locator("#example").locator("xpath=..").getByRole("button", { name: "Copy code" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith("```decision-tree\nstart: ")).toBe(true);
  expect(copied.trimEnd().endsWith("```")).toBe(true);
  for (const question of Object.values(tree.questions)) expect(copied).toContain(question.text);

  // The example is the real component: walk it to an outcome (first answers all the way: the
  // first answer leads to a question since revision 1); its links lead to the guide.
  const example = treeRegion(page, "help-example");
  const path = paths[0]!;
  expect(path.answerIndexes.every((index) => index === 0)).toBe(true);
  for (const [step, index] of path.answerIndexes.entries()) {
    const node = path.nodes[step];
    if (node?.kind !== "question") throw new Error("a path alternates questions and answers");
    await example.getByRole("button", { name: node.answers[index]!.text, exact: true }).click();
  }
  const outcome = path.nodes.at(-1);
  if (outcome?.kind !== "outcome") throw new Error("a path ends at an outcome");
  const guided = example.getByTestId("decision-tree-guided");
  await expect(guided.getByText(outcome.title, { exact: true })).toBeVisible();
  await expect(guided.locator(`a[href="${GUIDE_PATH}#${outcome.section}"]`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?help-example=${path.answerIndexes.join("\\.")}$`));
});

test("every error example shows the message the parser gives", async ({ page }) => {
  await page.goto("/help/decision-trees");
  for (const example of ERROR_EXAMPLE_GROUPS.flatMap((group) => group.examples)) {
    const item = page.locator(`#error-${example.id}`).locator("xpath=..");
    await expect(item).toContainText(example.message);
  }
});

test("the help page passes axe, light and dark", async ({ page }) => {
  test.setTimeout(90_000); // a long page: axe takes a while
  await page.goto("/help/decision-trees");
  await expect(treeRegion(page, "help-example").getByRole("button", { name: "Guided" })).toBeVisible();
  const light = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).include("main").analyze();
  expect(light.violations).toEqual([]);

  // In dark mode, one of each kind of block: the error examples all repeat the same markup.
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa"])
    .include('section[aria-labelledby="example"]')
    .include('section[aria-labelledby="format"]')
    .include('section[aria-labelledby="limits"]')
    .include('section[aria-label="The YAML itself"]')
    .include('section[aria-label="Size limits"]')
    .analyze();
  expect(dark.violations).toEqual([]);
});
