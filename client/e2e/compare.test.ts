import { startRun, waitForRun } from './api.js';
import { useSession } from './session.js';

const session = useSession();

test('two completed runs compared: metrics table, chart, paired statistics, warnings and the leaderboard', async () => {
  const { page, server } = session;
  // Different limits (12 and 10): the comparison must warn that the settings and samples differ.
  const [baseId, otherId] = await Promise.all([
    startRun(session, { benchmark: 'offline_demo', model: 'offline/demo', limit: 12 }),
    startRun(session, { benchmark: 'offline_demo', model: 'offline/demo-good', limit: 10 }),
  ]);
  expect(await waitForRun(session, baseId)).toBe('COMPLETED');
  expect(await waitForRun(session, otherId)).toBe('COMPLETED');

  // Dashboard: tick both (the first ticked is the baseline), then Compare (2).
  await page.goto(`${server.url}/`);
  await page.locator(`[data-testid="run-row-${baseId}"]`).waitFor();
  const compare = page.locator('[data-testid="compare-selected"]');
  expect(await compare.isDisabled()).toBe(true);
  await page.locator(`[data-testid="select-run-${baseId}"] input`).check();
  await page.locator(`[data-testid="select-run-${otherId}"] input`).check();
  expect((await compare.textContent())?.trim()).toBe('Compare (2)');
  expect(
    await page.locator('[data-testid="export-runs"] [data-testid="export-csv"]').getAttribute('href'),
  ).toBe('/api/export/runs.csv');
  await compare.click();
  await page.waitForURL(
    (url) => url.pathname === '/compare' && url.searchParams.get('ids') === `${baseId},${otherId}`,
  );
  await page.locator('[data-testid="comparison"]').waitFor();

  // Every warning is listed.
  const warnings = page.locator('[data-testid="compare-warnings"]');
  await warnings.locator('[data-code="DIFFERENT_SETTINGS"]').waitFor();
  await warnings.locator('[data-code="FEWER_SAMPLES"]').waitFor();
  expect(await warnings.textContent()).toContain('limit differs');

  // Metrics × runs: the better run's value is highlighted, the delta is in percentage points.
  const accuracy = page.locator('[data-testid="compare-metrics"] [data-testid="metric-row-accuracy"]');
  await accuracy.waitFor();
  const cells = accuracy.locator('td');
  expect(await cells.count()).toBe(2);
  expect(await cells.nth(0).textContent()).toContain('baseline');
  expect(await cells.nth(1).getAttribute('data-best')).toBe('true');
  expect(await cells.nth(1).locator('[data-delta]').textContent()).toMatch(/^\s*\+\d+\.\d pp\s*$/);

  // The primary metric chart, the breakdown chart.
  await page.locator('[data-testid="primary-chart"] canvas').waitFor();
  await page.locator('[data-testid="breakdown-compare-category"] canvas').waitFor();

  // The pair: difference with its interval, McNemar's p, the four counts, the method.
  const pair = page.locator(`[data-testid="pair-${baseId}-${otherId}"]`);
  expect(await pair.locator('[data-testid="pair-difference"]').textContent()).toMatch(/^\s*\+\d+\.\d pp\s*$/);
  expect(await pair.locator('[data-testid="pair-ci"]').textContent()).toMatch(/95% CI .+ to .+ pp/);
  expect(await pair.locator('[data-testid="pair-pvalue"]').textContent()).toMatch(/p [=<] \d\.\d{3}/);
  const counts = await Promise.all(
    ['bothRight', 'bothWrong', 'fixed', 'broken'].map(async (key) =>
      Number((await pair.locator(`[data-testid="count-${key}"] .text-title-large`).textContent())?.trim()),
    ),
  );
  // Limits 12 and 10 share the first 10 samples.
  expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
  expect(await page.locator('[data-testid="compare-method"]').textContent()).toContain('McNemar');
  await session.screenshot('compare');

  // A discordant sample opens both answers side by side, with the input and the target.
  const firstDiscordant = pair.locator('[data-discordant-row]').first();
  await firstDiscordant.click();
  const detail = page.locator('[data-testid="discordant-detail"]');
  await detail.waitFor();
  expect(await detail.locator('[data-testid="discordant-input"]').textContent()).not.toBe('');
  expect(await detail.locator('[data-testid="discordant-target"]').textContent()).not.toBe('');
  await detail.locator('[data-testid="discordant-answer-baseline"]').waitFor();
  await detail.locator('[data-testid="discordant-answer-other"]').waitFor();
  await session.screenshot('compare-discordant', { viewportOnly: true });
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });

  // The other run as baseline: in the URL, deltas and the pair's difference change sign.
  await page.locator(`[data-testid="make-baseline-${otherId}"]`).click();
  await page.waitForURL((url) => url.searchParams.get('base') === otherId);
  expect(await cells.nth(1).textContent()).toContain('baseline');
  expect(await cells.nth(0).locator('[data-delta]').textContent()).toMatch(/^\s*−\d+\.\d pp\s*$/);
  const flipped = page.locator(`[data-testid="pair-${otherId}-${baseId}"]`);
  expect(await flipped.locator('[data-testid="pair-difference"]').textContent()).toMatch(
    /^\s*−\d+\.\d pp\s*$/,
  );

  // Export links download the comparison with the session cookie.
  const csv = await page
    .locator('[data-testid="export-compare"] [data-testid="export-csv"]')
    .getAttribute('href');
  expect(csv).toContain('/api/compare.csv?ids=');
  const download = await page.request.get(`${server.url}${csv}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/csv');

  // The set is a link: loading it again shows the same comparison and baseline.
  await page.goto(page.url());
  await page.locator('[data-testid="comparison"]').waitFor();
  expect(
    await page.locator(`[data-testid="compare-run-${otherId}"] [data-testid="baseline-chip"]`).count(),
  ).toBe(1);

  // The leaderboard of the benchmark, from the Compare page.
  await page.locator('[data-testid="compare-leaderboard"]').first().click();
  await page.waitForURL(`${server.url}/leaderboard?benchmark=offline_demo`);
  await page.locator('[data-testid="leaderboard"] [data-leaderboard-group]').first().waitFor();
  expect(await page.locator('[data-leaderboard-group]').count()).toBe(2);
  await page.locator('[data-testid="leaderboard-entry-offline/demo-good"]').waitFor();
  await session.screenshot('leaderboard');
});

test('the Compare page without runs explains what to do', async () => {
  const { page, server } = session;
  await page.locator('[data-testid="nav-compare"]').click();
  await page.waitForURL(`${server.url}/compare`);
  await page
    .locator('[data-testid="compare-empty"]')
    .getByText('Tick 2 to 10 runs on the dashboard')
    .waitFor();
});
