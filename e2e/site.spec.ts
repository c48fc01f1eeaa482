import { axeViolations, axeViolationsInBothThemes } from "./axe.ts";
import { expect, test } from "./fixtures.ts";
import { waitForIsolation } from "./blocks.ts";
import { NOT_FOUND, PAGES, REAL_PAGES } from "./pages.ts";

for (const path of PAGES) {
  test(`${path} loads cleanly and passes axe in both themes`, async ({ page, problems }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(path === NOT_FOUND ? 404 : 200);
    // A page with code to run is isolated (where the server sends no headers, the service
    // worker adds them and reloads once); the 404 page has none and is left as it loaded.
    if (path !== NOT_FOUND) await waitForIsolation(page);
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.locator("h1")).toHaveCount(1);
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test(`${path} has no horizontal scroll at 360 px`, async ({ page, problems }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
}

test("the overview's table of contents and the prev/next chain reach every section", async ({
  page,
  problems,
}) => {
  await page.goto("/halt-python-script/");
  const toc = page.getByRole("navigation", { name: "Table of contents" });
  const titles = await toc.getByRole("link").allTextContents();
  expect(titles).toEqual([
    "Using sys.exit()",
    "Using os._exit()",
    "Using a custom exception",
    "Using KeyboardInterrupt",
    "Comparing the four ways",
  ]);
  await toc.getByRole("link", { name: "Using sys.exit()" }).click();
  await expect(page.locator("h1")).toHaveText("Using sys.exit()");
  for (const next of titles.slice(1)) {
    await page.getByRole("link", { name: `${next} →` }).click();
    await expect(page.locator("h1")).toHaveText(next);
    await expect(page.getByRole("link", { name: next, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  }
  await expect(page.locator("a[rel=next]")).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Breadcrumbs" })
    .getByRole("link", { name: /halt the execution/ })
    .click();
  await expect(page).toHaveURL(/\/halt-python-script\/$/);
  expect(problems).toEqual([]);
});

test("with JavaScript off, each section shows its code and its verified expected result", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const cases = [
    ["sys-exit", "sys.exit(0)", "Exited with status 0"],
    ["os-exit", "os._exit(0)", "no cleanup ran"],
    [
      "custom-exception",
      'raise MyCustomError("Something went wrong")',
      "Uncaught MyCustomError: Something went wrong",
    ],
    ["keyboard-interrupt", "except KeyboardInterrupt:", "User interrupted the script"],
  ] as const;
  for (const [slug, code, expected] of cases) {
    await page.goto(`/halt-python-script/${slug}/`);
    const block = page.locator("python-block").first();
    await expect(block.locator("pre.astro-code")).toContainText(code);
    await expect(block.locator("[data-expected]")).toBeVisible();
    await expect(block.locator("[data-expected]")).toContainText(expected);
    await expect(block.getByRole("button")).toHaveCount(0);
  }
  await page.goto("/halt-python-script/comparison/");
  await expect(page.locator('td[data-cell="probe-os-exit-finally"]')).toHaveText("no");
  // A cell links to the step of its probe's way out that proves it, shown without JavaScript.
  await page.locator('td[data-cell="probe-os-exit-finally"]').getByRole("link").click();
  await expect(page).toHaveURL(/#probe-os-exit-finally-proof$/);
  const proof = page.locator(":target");
  await expect(proof).toHaveAttribute("data-step", "finally");
  await expect(proof).toHaveAttribute("data-ran", "no");
  await expect(proof).toContainText("never ran");
  await expect(proof).toBeInViewport();
  await expect(
    page.locator("#probe-os-exit-finally").getByRole("list", { name: "The way out" }),
  ).toContainText("os._exit(1) called");
  await context.close();
});

test("with JavaScript, the verified result sits under the code it describes", async ({
  page,
  problems,
}) => {
  await page.goto("/halt-python-script/sys-exit/");
  await waitForIsolation(page);
  const block = page.locator("[data-runnable]").first();
  await expect(block).toHaveAttribute("data-editor", "ready");
  const run = await block.getByRole("button", { name: /^Run/ }).boundingBox();
  const editor = await block.locator(".pb-editor").boundingBox();
  const expected = await block.locator("[data-expected]").boundingBox();
  if (!run || !editor || !expected) throw new Error("toolbar, editor or expected result not shown");
  expect(editor.y).toBeGreaterThan(run.y);
  expect(expected.y).toBeGreaterThanOrEqual(editor.y + editor.height);
  expect(problems).toEqual([]);
});

test("the home page lists the article with thumbnail, tags and tldr", async ({
  page,
  problems,
}) => {
  await page.goto("/");
  const card = page.getByRole("list", { name: "Articles" }).getByRole("listitem").first();
  await expect(card.locator("img")).toHaveAttribute("src", "/images/python.png");
  await expect(card.getByRole("list", { name: "Tags" })).toHaveText(/python\s*knowledge/);
  await expect(card).toContainText("To programmatically stop execution of a Python script");
  await card.getByRole("link", { name: /halt the execution/ }).click();
  await expect(page.locator("h1")).toHaveText(
    "How do you halt the execution of a Python script using code?",
  );
  expect(problems).toEqual([]);
});

test("every same-site link on every page resolves", async ({ page, request, problems }) => {
  const seen = new Set<string>();
  for (const path of REAL_PAGES) {
    await page.goto(path);
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      const key = url.pathname;
      if (seen.has(key)) continue;
      seen.add(key);
      if (url.hash && url.pathname === new URL(page.url()).pathname) {
        await expect(page.locator(url.hash)).toHaveCount(1);
        continue;
      }
      const res = await request.get(url.pathname);
      expect(res.status(), `${path} links to ${href}`).toBe(200);
    }
  }
  expect(seen.size).toBeGreaterThan(5);
  expect(problems).toEqual([]);
});

test("the theme toggle switches, persists across reloads and shows no flash", async ({
  page,
  problems,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/halt-python-script/sys-exit/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const lightBg = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const darkBg = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  expect(darkBg).not.toBe(lightBg);
  const codeColour = await page
    .locator("pre.astro-code")
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(codeColour).not.toBe("rgb(255, 255, 255)");
  // The toggled theme meets AA too, not only the one the system asks for.
  expect(await axeViolations(page, "dark by toggle")).toEqual([]);

  // On reload the stored theme is applied before first paint: check at DOMContentLoaded time.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { themeAtLoad: string | undefined }).themeAtLoad =
        document.documentElement.dataset["theme"];
    });
  });
  await page.goto("/halt-python-script/");
  expect(
    await page.evaluate(() => (window as unknown as { themeAtLoad?: string }).themeAtLoad),
  ).toBe("dark");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByRole("button", { name: "Dark theme" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  // The stored choice outranks the system's: light stays light under a dark system theme.
  await page.emulateMedia({ colorScheme: "dark" });
  expect(
    await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
  ).toBe(lightBg);
  expect(problems).toEqual([]);
});

test("pages carry title, description, canonical and Open Graph tags; the sitemap lists them", async ({
  page,
  request,
  problems,
}) => {
  await page.goto("/halt-python-script/os-exit/");
  await expect(page).toHaveTitle(/Using os\._exit\(\)/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    /\/halt-python-script\/os-exit\/$/,
  );
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /\/images\/python\.png$/,
  );
  const image = await request.get("/images/python.png");
  expect(image.headers()["content-type"]).toBe("image/png");
  const index = await (await request.get("/sitemap-index.xml")).text();
  const sitemapPath = new URL(/<loc>([^<]+)<\/loc>/.exec(index)?.[1] ?? "").pathname;
  const sitemap = await (await request.get(sitemapPath)).text();
  for (const path of REAL_PAGES) expect(sitemap).toContain(`${path}</loc>`);
  expect(problems).toEqual([]);
});

test("the skip link moves focus to the main content", async ({ page, problems }) => {
  await page.goto("/halt-python-script/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  expect(problems).toEqual([]);
});
