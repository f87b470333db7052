import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { ROOT, startServer, type RunningServer } from './server.js';

const SCREENSHOTS = path.join(ROOT, 'test-results');
const RUN_URL = /\/runs\/([0-9a-f-]{36})$/;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The run started by the first test; the second finds it on the dashboard. */
let runId: string | undefined;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  // An uncaught exception in the page is a bug even when the flow happens to work.
  expect(pageErrors).toEqual([]);
});

test('starts offline_demo with offline/demo from the New Run page and shows its results', async () => {
  await page.goto(`${server.url}/runs/new`);

  // The catalog takes a few seconds to load the first time; the picker fills when it has.
  const picker = page.locator('[data-testid="benchmark-picker"] input');
  await picker.click();
  await picker.fill('offline_demo');
  await page.locator('[data-testid="benchmark-option-offline_demo"]').click({ timeout: 60_000 });
  await page.locator('[data-testid="benchmark-detail"]').getByText('offline_demo').waitFor();

  // The model is checked as the user types.
  const model = page.locator('[data-testid="model-input"] input');
  await model.fill('gpt-4o');
  await page.getByText('Add the provider: e.g. openai/gpt-4o').waitFor();
  await model.fill('offline/demo');
  await page.getByText('Runs without a provider key').waitFor();

  await page.locator('[data-testid="limit-input"] input').fill('10');
  await page.locator('[data-testid="start-run"]').click();

  await page.waitForURL(RUN_URL);
  runId = RUN_URL.exec(page.url())?.[1];
  expect(runId).toBeDefined();
  await page.locator('[data-testid="run-detail"]').waitFor();
  expect(await page.locator('[data-testid="run-benchmark"]').textContent()).toContain('offline_demo');
  expect(await page.locator('[data-testid="run-model"]').textContent()).toContain('offline/demo');

  // The page polls; wait for a final status, then insist it is the good one.
  await page
    .locator(
      '[data-testid="status-COMPLETED"], [data-testid="status-FAILED"], [data-testid="status-CANCELED"], [data-testid="status-INTERRUPTED"]',
    )
    .first()
    .waitFor({ timeout: 90_000 });
  const failure = await page
    .locator('[data-testid="run-error"]')
    .textContent()
    .catch(() => null);
  if ((await page.locator('[data-testid="status-COMPLETED"]').count()) === 0) {
    throw new Error(
      `The run did not complete: ${failure ?? 'no error shown'}\nServer output:\n${server.output()}`,
    );
  }

  const metric = page.locator('[data-testid="primary-metric-value"]');
  await metric.waitFor();
  expect(await metric.textContent()).toMatch(/\d+\.\d%/);
  await page.locator('[data-testid="metrics-table"]').waitFor();
  await page.locator('[data-testid="artifacts"]').getByText('summary.json').waitFor();
  expect(await page.locator('[data-testid="run-command"]').textContent()).toContain('bench eval');
  expect(await page.locator('[data-testid="rerun"]').isVisible()).toBe(true);

  await page.screenshot({ path: path.join(SCREENSHOTS, 'new-run-completed.png'), fullPage: true });
});

test('the Benchmarks page searches the real catalog and the Dashboard lists the run', async () => {
  await page.goto(`${server.url}/benchmarks`);
  await page.locator('[data-testid="benchmark-search"] input').fill('mmlu');
  await page.waitForURL(/[?&]q=mmlu/);
  const mmlu = page.locator('[data-testid="benchmark-mmlu"]');
  await mmlu.waitFor();
  await mmlu.click();
  await page.locator('[data-testid="benchmark-detail"]').getByText('mmlu', { exact: true }).waitFor();
  const runLink = page.locator('[data-testid="run-benchmark"]');
  expect(await runLink.getAttribute('href')).toBe('/runs/new?benchmark=mmlu');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'benchmarks-search.png'), fullPage: true });

  expect(runId).toBeDefined();
  await page.goto(`${server.url}/`);
  const row = page.locator(`[data-testid="run-row-${runId}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('offline_demo');
  expect(await row.textContent()).toContain('offline/demo');
  await row.locator('[data-testid="status-COMPLETED"]').waitFor();
  expect(await row.textContent()).toMatch(/\d+\.\d%/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

  await row.click();
  await page.waitForURL(`${server.url}/runs/${runId}`);
  await page.locator('[data-testid="run-detail"]').waitFor();
});

test('a server ValidationError is shown on the field it names', async () => {
  // The client lets an unknown ?benchmark= through (it cannot know every key offline); the API
  // rejects it with ValidationError{field: "benchmark"}, which must land under the picker.
  await page.goto(`${server.url}/runs/new?benchmark=not_a_benchmark`);
  await page.locator('[data-testid="model-input"] input').fill('offline/demo');
  await page.locator('[data-testid="start-run"]').click();
  await page
    .locator('[data-testid="benchmark-picker"]')
    .getByText('Unknown benchmark "not_a_benchmark"', { exact: false })
    .waitFor();
  expect(page.url()).toContain('/runs/new');
});
