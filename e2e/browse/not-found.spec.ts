import { expect, test } from "../support/fixtures";

for (const path of ["/entries/no-such-entry", "/tags/no-such-tag", "/tags/c%2B%2B%2B%2B-nope", "/no/such/page"]) {
  test(`${path} is a real 404 page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Browse entries" })).toHaveAttribute("href", "/");
  });
}
