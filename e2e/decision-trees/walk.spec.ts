import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/fixtures";
import {
  GUIDE_PATH,
  GUIDE_TREE_KEY,
  guideStep,
  guideTree,
  questionText,
  treeRegion,
  watchServerRoundTrips,
} from "./support";

test("every path of the concurrency guide's tree leads to its outcome, without a server round trip", async ({
  page,
  db,
}) => {
  // Every path of the guide's tree, one page load each: revision 1's tree has 8 outcomes.
  test.setTimeout(120_000);
  const { tree, paths } = await guideTree(db);
  expect(paths.length).toBeGreaterThanOrEqual(5);
  for (const path of paths) {
    await page.goto(GUIDE_PATH);
    const region = treeRegion(page);
    await expect(region.getByRole("button", { name: "Guided" })).toHaveAttribute("aria-pressed", "true");
    const trips = watchServerRoundTrips(page);
    for (const [step, answerIndex] of path.answerIndexes.entries()) {
      const node = path.nodes[step];
      if (node?.kind !== "question") throw new Error("a path alternates questions and answers");
      await expect(region.getByText(`Question ${step + 1}`, { exact: true })).toBeVisible();
      await expect(region.getByRole("group", { name: node.text })).toBeVisible();
      await region.getByRole("button", { name: node.answers[answerIndex]?.text, exact: true }).click();
      await expect(page).toHaveURL(guideStep(path.answerIndexes.slice(0, step + 1)));
    }
    const outcome = path.nodes.at(-1);
    if (outcome?.kind !== "outcome") throw new Error("a path ends at an outcome");
    const guided = region.getByTestId("decision-tree-guided");
    await expect(guided.getByText("Outcome", { exact: true })).toBeVisible();
    await expect(guided.getByText(outcome.title, { exact: true })).toBeVisible();
    if (outcome.text) await expect(guided.getByText(outcome.text)).toBeVisible();
    if (outcome.section) await expect(guided.locator(`a[href="#${outcome.section}"]`)).toBeVisible();
    await expect(region.getByRole("status").filter({ hasText: `Outcome: ${outcome.title}` })).toBeAttached();
    await expect(region.getByRole("group", { name: "Did this fit your case?" })).toBeVisible();
    expect(trips.map((request) => request.url())).toEqual([]);
    expect(Object.keys(tree.outcomes)).toContain(outcome.id);
  }
});

test("the breadcrumb lists the answers and steps back; start over returns to the first question", async ({
  page,
  db,
}) => {
  const { tree } = await guideTree(db);
  const path = [1, 0];
  await page.goto(guideStep(path));
  const region = treeRegion(page);
  const crumbs = region.getByRole("navigation", { name: "Your answers so far" });
  const first = questionText(tree, tree.start);
  const second = tree.questions[tree.start]?.answers[1]?.next ?? "";
  await expect(crumbs.getByRole("listitem")).toHaveCount(2);
  await expect(crumbs.getByRole("listitem").first()).toContainText(tree.questions[tree.start]?.answers[1]?.text ?? "");

  const trips = watchServerRoundTrips(page);
  await crumbs.getByRole("link", { name: questionText(tree, second) }).click();
  await expect(page).toHaveURL(guideStep([1]));
  await expect(region.getByRole("group", { name: questionText(tree, second) })).toBeVisible();
  await expect(crumbs.getByRole("listitem")).toHaveCount(1);

  await crumbs.getByRole("link", { name: first }).click();
  await expect(page).toHaveURL(GUIDE_PATH);
  await expect(region.getByRole("group", { name: first })).toBeVisible();
  await expect(crumbs).toHaveCount(0);
  await expect(region.getByRole("button", { name: "Start over" })).toHaveCount(0);

  await region.getByRole("button", { name: tree.questions[tree.start]?.answers[0]?.text }).click();
  await region.getByRole("button", { name: "Start over" }).click();
  await expect(page).toHaveURL(GUIDE_PATH);
  await expect(region.getByRole("group", { name: first })).toBeVisible();
  expect(trips).toEqual([]);

  // Each breadcrumb link is a real address: it opens the same step in a new page.
  await page.goto(guideStep(path));
  const href = await crumbs.getByRole("link", { name: questionText(tree, second) }).getAttribute("href");
  expect(href).toBe(`${GUIDE_PATH}?${GUIDE_TREE_KEY}=1`);
});

test("a deep link opens its step, survives a reload and ignores answers that do not exist", async ({ page, db }) => {
  const { paths } = await guideTree(db);
  const deepest = paths.reduce((a, b) => (b.answerIndexes.length > a.answerIndexes.length ? b : a));
  const outcome = deepest.nodes.at(-1);
  if (outcome?.kind !== "outcome") throw new Error("a path ends at an outcome");

  await page.goto(guideStep(deepest.answerIndexes));
  const region = treeRegion(page);
  const guided = region.getByTestId("decision-tree-guided");
  await expect(guided.getByText(outcome.title, { exact: true })).toBeVisible();
  await page.reload();
  await expect(guided.getByText(outcome.title, { exact: true })).toBeVisible();
  await expect(region.getByRole("navigation", { name: "Your answers so far" }).getByRole("listitem")).toHaveCount(
    deepest.answerIndexes.length,
  );

  // Answer 9 does not exist at the second question: the walk stops there.
  const second = deepest.nodes[1];
  if (second?.kind !== "question") throw new Error("the deepest path asks two questions");
  await page.goto(`${GUIDE_PATH}?${GUIDE_TREE_KEY}=${deepest.answerIndexes[0]}.9&other=kept`);
  await expect(region.getByRole("group", { name: second.text })).toBeVisible();
  await region.getByRole("button", { name: second.answers[0]?.text }).click();
  await expect(page).toHaveURL(`${GUIDE_PATH}?${GUIDE_TREE_KEY}=${deepest.answerIndexes[0]}.0&other=kept`);
});

test("Back and Forward step through the walk", async ({ page, db }) => {
  const { tree } = await guideTree(db);
  const start = tree.questions[tree.start];
  if (!start) throw new Error("no start question");
  const ioQuestion = tree.questions[start.answers[1]?.next ?? ""];
  if (!ioQuestion) throw new Error("the second answer leads to a question");
  const outcome = tree.outcomes[ioQuestion.answers[0]?.next ?? ""];
  if (!outcome) throw new Error("its first answer leads to an outcome");

  await page.goto(GUIDE_PATH);
  const region = treeRegion(page);
  const outcomeTitle = region.getByTestId("decision-tree-guided").getByText(outcome.title, { exact: true });
  await region.getByRole("button", { name: start.answers[1]?.text }).click();
  await region.getByRole("button", { name: ioQuestion.answers[0]?.text }).click();
  await expect(outcomeTitle).toBeVisible();

  const trips = watchServerRoundTrips(page);
  await page.goBack();
  await expect(page).toHaveURL(guideStep([1]));
  await expect(region.getByRole("group", { name: ioQuestion.text })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(GUIDE_PATH);
  await expect(region.getByRole("group", { name: start.text })).toBeVisible();
  await page.goForward();
  await expect(region.getByRole("group", { name: ioQuestion.text })).toBeVisible();
  await page.goForward();
  await expect(outcomeTitle).toBeVisible();
  expect(trips).toEqual([]);
});

test("the whole-tree view shows every node with the path taken marked", async ({ page, db }) => {
  const { tree, paths } = await guideTree(db);
  const path = paths.find((candidate) => candidate.answerIndexes.length === 2) ?? paths[0]!;
  const outcome = path.nodes.at(-1);
  if (outcome?.kind !== "outcome") throw new Error("a path ends at an outcome");
  await page.goto(guideStep(path.answerIndexes));
  const region = treeRegion(page);
  await region.getByRole("button", { name: "Whole tree" }).click();
  await expect(region.getByRole("button", { name: "Whole tree" })).toHaveAttribute("aria-pressed", "true");

  const outline = region.getByTestId("decision-tree-outline");
  await expect(outline).toBeVisible();
  for (const node of Object.values(tree.outcomes))
    await expect(outline.getByText(node.title, { exact: true })).toBeVisible();
  await expect(outline.getByText("Your answer", { exact: true })).toHaveCount(path.answerIndexes.length);
  const current = outline.locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute("id", `${GUIDE_TREE_KEY}-dt-${outcome.id}`);
  await expect(current).toContainText("Your outcome");

  await region.getByRole("button", { name: "Guided" }).click();
  await expect(outline).toBeHidden();
  await expect(region.getByTestId("decision-tree-guided").getByText(outcome.title, { exact: true })).toBeVisible();
});

test("a link to a node of the outline opens the whole tree at that node", async ({ page }) => {
  await page.goto(`${GUIDE_PATH}#${GUIDE_TREE_KEY}-dt-asyncio`);
  const region = treeRegion(page);
  await expect(region.getByRole("button", { name: "Whole tree" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(`#${GUIDE_TREE_KEY}-dt-asyncio`)).toBeInViewport();
});

test("the walk works with the keyboard alone, with a visible focus ring", async ({ page, db }) => {
  const { tree } = await guideTree(db);
  const start = tree.questions[tree.start]!;
  const ioQuestion = tree.questions[start.answers[1]!.next]!;
  const outcome = tree.outcomes[ioQuestion.answers[1]!.next]!;
  await page.goto(GUIDE_PATH);
  const region = treeRegion(page);
  const focusRingOf = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    });

  // Start from the view switch (the last control before the answers) and only use keys from there.
  await region.getByRole("button", { name: "Guided" }).focus();
  await page.keyboard.press("Tab");
  await expect(region.getByRole("button", { name: "Whole tree" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const secondAnswer = region.getByRole("button", { name: start.answers[1]!.text });
  await expect(secondAnswer).toBeFocused();
  expect(await focusRingOf()).toBe(true);
  await page.keyboard.press("Enter");

  // The next question takes focus, so the next Tab reaches its answers.
  const focused = page.locator(":focus");
  await expect(focused).toHaveText(ioQuestion.text);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(region.getByRole("button", { name: ioQuestion.answers[1]!.text })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(focused).toHaveText(outcome.title);
  expect(await focusRingOf()).toBe(true);

  // The outcome's feedback buttons and the way back are reachable too.
  const yes = region.getByRole("button", { name: "Yes" });
  for (let i = 0; i < 5 && !(await yes.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(yes).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(region.getByText("Thanks — noted.")).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(region.getByRole("button", { name: "Start over" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(focused).toHaveText(start.text);
  await expect(page).toHaveURL(GUIDE_PATH);
});

test("the tree passes axe at every kind of step and in both views, light and dark", async ({ page }) => {
  test.setTimeout(120_000); // eight axe scans of the whole tree
  const region = `section[data-tree-key="${GUIDE_TREE_KEY}"]`;
  const check = async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).include(region).analyze();
    expect(results.violations).toEqual([]);
  };
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(GUIDE_PATH);
    await expect(treeRegion(page).getByRole("button", { name: "Guided" })).toBeVisible();
    await check();
    await page.goto(guideStep([1]));
    await expect(treeRegion(page).getByRole("navigation", { name: "Your answers so far" })).toBeVisible();
    await check();
    await page.goto(guideStep([1, 0]));
    await treeRegion(page).getByRole("button", { name: "No" }).click();
    await expect(treeRegion(page).getByText("Thanks — noted.")).toBeVisible();
    await check();
    await treeRegion(page).getByRole("button", { name: "Whole tree" }).click();
    await check();
  }
});

test("on a 375 px phone the walk fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(guideStep([1, 0]));
  const region = treeRegion(page);
  await expect(region.getByRole("button", { name: "Yes" })).toBeVisible();
  const box = await region.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page shows the whole tree as an outline with anchors", async ({ page, db }) => {
    const { tree } = await guideTree(db);
    // The step in the address needs JavaScript; the outline is complete either way.
    await page.goto(guideStep([1, 0]));
    const region = treeRegion(page);
    await expect(region).toBeVisible();
    await expect(region.getByRole("button")).toHaveCount(0);
    for (const question of Object.values(tree.questions)) {
      await expect(page.locator(`#${GUIDE_TREE_KEY}-dt-${question.id}`)).toBeVisible();
      for (const answer of question.answers) await expect(region).toContainText(answer.text);
    }
    for (const outcome of Object.values(tree.outcomes)) {
      await expect(page.locator(`#${GUIDE_TREE_KEY}-dt-${outcome.id}`)).toContainText(outcome.title);
    }
    await page.goto(`${GUIDE_PATH}#${GUIDE_TREE_KEY}-dt-threading`);
    await expect(page.locator(`#${GUIDE_TREE_KEY}-dt-threading`)).toBeInViewport();
    // axe needs JavaScript in the page; the same outline passes it in the whole-tree view above.
  });
});
