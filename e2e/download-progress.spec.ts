/**
 * The first visit's download, as a reader on a slower link sees it (#25): the block says how much
 * of how much (MB and %), moving, in the bytes the page receives, then "Starting Python…"; and the
 * output panel says nothing before anything ran.
 */
import { expect, test } from "./fixtures.ts";
import { ending, playground, runButton, saveData } from "./blocks.ts";

test("while Python downloads, the block says how much of how much, then what comes next", async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  // Save-Data keeps the page from fetching Python before Run: the download then starts with Run
  // and is seen whole (a prefetch could finish first on a fast machine: then nothing is left to
  // show, which CI saw).
  const cdp = await saveData(page);
  await cdp.send("Network.enable");
  // ~45 MB cross here (Astro's preview unzips the snapshot; it is still counted as the 6 MB file
  // it is, so the total stays 18.5 MB) at 80 Mbit/s: about 5 s of progress.
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: 10_000_000,
    uploadThroughput: 10_000_000,
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { activitySeen?: string[] }).activitySeen = seen;
    new MutationObserver(() => {
      const block = document.querySelector("[data-runnable]");
      const text = block?.querySelector(".pb-activity")?.textContent ?? "";
      const log = block?.querySelector<HTMLElement>('[role="log"]');
      const before =
        log && !log.closest("[hidden]") ? getComputedStyle(log, "::before").content : "none";
      if (text && seen.at(-1) !== `${text}|${before}`) seen.push(`${text}|${before}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const block = await playground(page, 'print("ran")\n');
  await runButton(block).click();
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0", { timeout: 90_000 });
  const seen = await page.evaluate(
    () => (globalThis as { activitySeen?: string[] }).activitySeen ?? [],
  );
  const downloads = seen
    .map((entry) =>
      /^Downloading Python: ([\d.]+) of ([\d.]+) MB \((\d+)%, once per visit\)…\|(.*)$/.exec(entry),
    )
    .filter((m): m is RegExpExecArray => m !== null);
  expect(downloads.length, seen.join("\n")).toBeGreaterThanOrEqual(3);
  const totals = new Set(downloads.map((m) => m[2]));
  expect([...totals], "one total, known from the start").toHaveLength(1);
  expect(Number(downloads[0]?.[2])).toBeGreaterThan(18);
  const percents = downloads.map((m) => Number(m[3]));
  expect(percents, "moving forward, never past 100%").toEqual([...percents].sort((a, b) => a - b));
  expect(Math.max(...percents)).toBeLessThanOrEqual(100);
  expect(new Set(percents).size).toBeGreaterThanOrEqual(3);
  // Nothing ran yet: the panel does not say "(no output)" while Python downloads.
  for (const m of downloads) expect(m[4]).not.toContain("no output");
  const after = seen.slice(seen.findIndex((entry) => entry.startsWith("Downloading")));
  expect(
    after.some((entry) => entry.startsWith("Starting Python…")),
    seen.join("\n"),
  ).toBe(true);
  expect(problems).toEqual([]);
});
