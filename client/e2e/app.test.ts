import { FINAL_STATUS, startRun } from './api.js';
import { useSession } from './session.js';

const RUN_URL = /\/runs\/([0-9a-f-]{36})$/;

const session = useSession();

test('New Run starts offline_demo and Run Detail shows it live: log lines and moving progress, then results', async () => {
  const { page, server } = session;
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

  // 8 samples, one at a time, 1 s each: long enough to watch it run (advanced panel).
  await page.locator('[data-testid="limit-input"] input').fill('8');
  await page.locator('[data-testid="advanced-panel"] button').first().click();
  await page.locator('[data-testid="maxConnections-input"] input').fill('1');
  await page.locator('[data-testid="model-args-add"]').click();
  await page.locator('[data-testid="model-args-key-0"] input').fill('delay');
  await page.locator('[data-testid="model-args-value-0"] input').fill('1');
  await page.locator('[data-testid="start-run"]').click();

  await page.waitForURL(RUN_URL);
  const runId = RUN_URL.exec(page.url())?.[1];
  expect(runId).toBeDefined();
  await page.locator('[data-testid="run-detail"]').waitFor();
  expect(await page.locator('[data-testid="run-benchmark"]').textContent()).toContain('offline_demo');
  expect(await page.locator('[data-testid="run-model"]').textContent()).toContain('offline/demo');

  // While the run is still RUNNING: output lines are on screen and the bar is part-way.
  await page.waitForFunction(
    () => {
      const running = document.querySelector(
        '[data-testid="run-detail"] header [data-testid="status-RUNNING"]',
      );
      const progress = document.querySelector('[data-testid="run-progress"]');
      const fraction = Number(progress?.getAttribute('data-fraction') || 'NaN');
      const lines = document.querySelectorAll('[data-testid="log-viewer"] [data-log-line]').length;
      return running !== null && lines > 0 && fraction > 0 && fraction < 1;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  expect(await page.locator('[data-testid="progress-text"]').textContent()).toMatch(/^\d+ \/ 8 samples$/);
  expect(await page.locator('[data-testid="log-connection"]').textContent()).toContain('Live');
  await session.screenshot('run-live');

  await page.locator(FINAL_STATUS).first().waitFor({ timeout: 90_000 });
  if (
    (await page.locator('[data-testid="run-detail"] header [data-testid="status-COMPLETED"]').count()) === 0
  ) {
    const failure = await page
      .locator('[data-testid="run-error"]')
      .textContent()
      .catch(() => null);
    throw new Error(
      `The run did not complete: ${failure ?? 'no error shown'}\nServer output:\n${server.output()}`,
    );
  }

  expect(await page.locator('[data-testid="progress-text"]').textContent()).toBe('8 / 8 samples');
  const metric = page.locator('[data-testid="primary-metric-value"]');
  await metric.waitFor();
  expect(await metric.textContent()).toMatch(/\d+\.\d%/);
  await page.locator('[data-testid="metrics-table"]').waitFor();
  await page.locator('[data-testid="artifacts"]').getByText('summary.json').waitFor();
  expect(await page.locator('[data-testid="run-command"]').textContent()).toContain('bench eval');
  expect(await page.locator('[data-testid="run-command"]').textContent()).toContain('delay=1');
  expect(await page.locator('[data-testid="rerun"]').isVisible()).toBe(true);
  // The stream ended with the run; the whole output stays on screen.
  await page.locator('[data-testid="log-viewer"][data-state="ended"]').waitFor();
  expect(await page.locator('[data-testid="log-lines"]').getAttribute('data-row-count')).not.toBe('0');

  await session.screenshot('new-run-completed');
});

test('the Benchmarks page searches the real catalog', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/benchmarks`);
  await page.locator('[data-testid="benchmark-search"] input').fill('mmlu');
  await page.waitForURL(/[?&]q=mmlu/);
  const mmlu = page.locator('[data-testid="benchmark-mmlu"]');
  await mmlu.waitFor();
  await mmlu.click();
  await page.locator('[data-testid="benchmark-detail"]').getByText('mmlu', { exact: true }).waitFor();
  const runLink = page.locator('[data-testid="run-benchmark"]');
  expect(await runLink.getAttribute('href')).toBe('/runs/new?benchmark=mmlu');
  await session.screenshot('benchmarks-search');
});

test('the Dashboard shows a run started elsewhere appear and finish without a reload', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  // A marker on the window: a reload or navigation would drop it.
  await page.evaluate(() => ((window as unknown as { e2eMarker: boolean }).e2eMarker = true));

  const runId = await startRun(session, { benchmark: 'offline_demo', model: 'offline/demo-good' });
  const row = page.locator(`[data-testid="run-row-${runId}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('offline/demo-good');
  await row.locator('[data-testid="status-COMPLETED"]').waitFor({ timeout: 90_000 });
  await row
    .getByText(/\d+\.\d%/)
    .first()
    .waitFor();
  expect(await page.evaluate(() => (window as unknown as { e2eMarker?: boolean }).e2eMarker)).toBe(true);

  // Ticking runs for a comparison: the button counts them and is enabled from 2.
  const rows = page.locator('[data-run-row]');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await rows.nth(0).locator('input[type="checkbox"]').check();
  await rows.nth(1).locator('input[type="checkbox"]').check();
  const compare = page.locator('[data-testid="compare-selected"]');
  expect((await compare.textContent())?.trim()).toBe('Compare (2)');
  expect(await compare.isDisabled()).toBe(false);
  await session.screenshot('dashboard');

  await row.click();
  await page.waitForURL(`${server.url}/runs/${runId}`);
  await page.locator('[data-testid="run-detail"]').waitFor();
});

test('a server ValidationError is shown on the field it names', async () => {
  const { page, server } = session;
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

test('New Run with a model whose provider key is not stored says so on the model field, with a link to Settings', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/runs/new?benchmark=offline_demo`);
  await page
    .locator('[data-testid="benchmark-detail"]')
    .getByText('offline_demo')
    .waitFor({ timeout: 60_000 });
  const model = page.locator('[data-testid="model-input"] input');
  await model.fill('openai/gpt-4o-mini');
  await page.getByText('Needs your openai key (OPENAI_API_KEY): add it in Settings').waitFor();
  await page.locator('[data-testid="start-run"]').click();

  const missing = page.locator('[data-testid="key-missing"]');
  await missing.waitFor();
  expect(await missing.textContent()).toContain('OPENAI_API_KEY');
  expect(page.url()).toContain('/runs/new');
  // Let the button's ripple and the hint's transition settle for the picture.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await session.screenshot('new-run-key-missing', { viewportOnly: true });

  // A keyless model clears the warning: nothing changes for local-only models.
  await model.fill('offline/demo');
  await missing.waitFor({ state: 'detached' });
  await model.fill('openai/gpt-4o-mini');
  await page.locator('[data-testid="start-run"]').click();
  await missing.locator('[data-testid="key-missing-settings"]').click();
  await page.waitForURL(`${server.url}/settings`);
  await page.locator('[data-testid="provider-row-openai"] [data-testid="key-status-unset"]').waitFor();
});
