import type { Page } from 'playwright-core';
import { startRun, waitForRun } from './api.js';
import { useSession } from './session.js';

const session = useSession();

const FIELD = '[data-testid="global-search"] input';
const RESULTS = '[data-testid="global-search-results"]';
const RUN_OPTIONS = `${RESULTS} [data-testid="global-search-runs"] [data-search-run]`;

/** Two quick runs of the shipped offline eval: ids and models to search for. */
let demo = '';
let good = '';

beforeAll(async () => {
  demo = await startRun(session, { benchmark: 'offline_demo', model: 'offline/demo', limit: 2 });
  good = await startRun(session, { benchmark: 'offline_demo', model: 'offline/demo-good', limit: 2 });
  expect(await waitForRun(session, demo)).toBe('COMPLETED');
  expect(await waitForRun(session, good)).toBe('COMPLETED');
});

/**
 * Types into the app bar's search and waits for both groups to answer for exactly this text
 * (the list says which text its results are for: never a previous search's).
 */
async function search(page: Page, text: string): Promise<void> {
  const field = page.locator(FIELD);
  await field.click();
  await field.fill('');
  // Key by key, as a user types: the debounce must settle on the whole text.
  await field.pressSequentially(text, { delay: 30 });
  // The first search also waits for the catalog, which takes a few seconds to load the first time.
  await page.locator(`${RESULTS}[data-query="${text}"]`).waitFor({ timeout: 60_000 });
}

async function runOptionIds(page: Page): Promise<string[]> {
  return page
    .locator(RUN_OPTIONS)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid') ?? ''));
}

test('"/" focuses the search; a model name finds its run, and clicking it opens the run', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="live-indicator"]').waitFor();
  const field = page.locator(FIELD);
  expect(await field.getAttribute('aria-label')).toBe('Search runs and benchmarks');

  // "/" from the page (not typed into a field) jumps to the search.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
  expect(await field.inputValue()).toBe('');

  // One character asks nothing.
  await page.keyboard.type('d');
  await page.waitForTimeout(500);
  expect(await page.locator(RESULTS).count()).toBe(0);

  await search(page, 'demo-g');
  expect(await field.getAttribute('aria-expanded')).toBe('true');
  expect(await runOptionIds(page)).toEqual([`global-search-run-${good}`]);
  const option = page.locator(`[data-testid="global-search-run-${good}"]`);
  const text = (await option.textContent())?.replace(/\s+/g, ' ') ?? '';
  expect(text).toContain('Completed');
  expect(text).toContain('offline_demo');
  expect(text).toContain('offline/demo-good');
  expect(text).toContain(good.slice(0, 8));

  await option.click();
  await page.waitForURL(`${server.url}/runs/${good}`);
  await page.locator('[data-testid="run-detail"]').waitFor();
  expect(await page.locator('[data-testid="run-model"]').textContent()).toContain('offline/demo-good');
  // Opening a result leaves the search: closed and empty.
  expect(await page.locator(RESULTS).isVisible()).toBe(false);
  expect(await field.inputValue()).toBe('');
});

test('a benchmark found by name opens its details with the keyboard', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/runs/${demo}`);
  await page.locator('[data-testid="run-detail"]').waitFor();

  await search(page, 'offline');
  const benchmark = page.locator(
    `${RESULTS} [data-testid="global-search-benchmarks"] [data-testid="global-search-benchmark-offline_demo"]`,
  );
  await benchmark.waitFor();
  expect(await benchmark.textContent()).toContain('offline_demo');
  // Both runs are of offline_demo with offline/ models.
  expect((await runOptionIds(page)).sort()).toEqual(
    [`global-search-run-${demo}`, `global-search-run-${good}`].sort(),
  );
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await session.screenshot('global-search', { viewportOnly: true });

  // Arrow keys move the highlight (the field keeps the focus and points at the option).
  const field = page.locator(FIELD);
  const optionId = await benchmark.getAttribute('id');
  expect(optionId).toBeTruthy();
  for (let i = 0; i < 20 && (await field.getAttribute('aria-activedescendant')) !== optionId; i++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await field.getAttribute('aria-activedescendant')).toBe(optionId);
  expect(await benchmark.getAttribute('aria-selected')).toBe('true');
  expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);

  await page.keyboard.press('Enter');
  await page.waitForURL(/\/benchmarks\?.*selected=offline_demo/);
  await page.locator('[data-testid="benchmark-detail"]').getByText('offline_demo').first().waitFor();
  await page.locator('[data-testid="benchmark-offline_demo"]').waitFor();
  expect(await page.locator('[data-testid="benchmark-search"] input').inputValue()).toBe('offline_demo');
  expect(await page.locator(RESULTS).isVisible()).toBe(false);

  // From the Benchmarks page itself: its filter follows to the newly opened benchmark.
  await search(page, 'mmlu');
  await page.locator(`${RESULTS} [data-testid="global-search-benchmark-mmlu"]`).click();
  await page.waitForURL(/\/benchmarks\?.*selected=mmlu/);
  await page.locator('[data-testid="benchmark-detail"]').getByText('mmlu', { exact: true }).waitFor();
  expect(await page.locator('[data-testid="benchmark-search"] input').inputValue()).toBe('mmlu');
});

test('the start of a run id finds that run; text matching nothing says so; Escape closes', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/benchmarks`);

  const prefix = good.slice(0, 8);
  await search(page, prefix);
  expect(await runOptionIds(page)).toEqual([`global-search-run-${good}`]);

  // Enter without a highlight opens the best (here the only) match.
  await search(page, demo.slice(0, 8));
  expect(await page.locator(`${RESULTS} [data-search-option]`).count()).toBe(1);
  expect(await runOptionIds(page)).toEqual([`global-search-run-${demo}`]);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/runs/${demo}`);
  await page.locator('[data-testid="run-detail"]').waitFor();

  await search(page, 'zzzz-nothing');
  const empty = page.locator(`${RESULTS} [data-testid="global-search-empty"]`);
  await empty.waitFor();
  expect(await empty.textContent()).toContain('No matches');
  expect(await page.locator(`${RESULTS} [data-search-option]`).count()).toBe(0);

  // Escape closes the results, a second Escape empties the field.
  const field = page.locator(FIELD);
  await page.keyboard.press('Escape');
  await page.locator(RESULTS).waitFor({ state: 'hidden' });
  expect(await field.getAttribute('aria-expanded')).toBe('false');
  expect(await field.inputValue()).toBe('zzzz-nothing');
  // An arrow key brings them back.
  await page.keyboard.press('ArrowDown');
  await empty.waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  expect(await field.inputValue()).toBe('');
});

test('on a small screen the search is an icon that opens over the title', async () => {
  const { page, server } = session;
  await page.setViewportSize({ width: 420, height: 800 });
  try {
    await page.goto(`${server.url}/`);
    const open = page.locator('[data-testid="global-search-open"]');
    await open.waitFor();
    expect(await open.getAttribute('aria-label')).toBe('Search runs and benchmarks');
    expect(await page.locator(FIELD).count()).toBe(0);
    await open.click();
    const field = page.locator(FIELD);
    await field.waitFor();
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    await field.pressSequentially('demo-g', { delay: 30 });
    await page.locator(`${RESULTS}[data-query="demo-g"]`).waitFor();
    expect(await runOptionIds(page)).toEqual([`global-search-run-${good}`]);
    await page.waitForTimeout(300);
    await session.screenshot('global-search-small', { viewportOnly: true });
    await page.locator(`[data-testid="global-search-run-${good}"]`).click();
    await page.waitForURL(`${server.url}/runs/${good}`);
    await open.waitFor();
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});
