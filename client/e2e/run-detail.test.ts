import { SLOW_OFFLINE_RUN, startRun } from './api.js';
import { useSession } from './session.js';

const session = useSession();

test('Cancel → confirm ends the run as CANCELED and its log stays visible', async () => {
  const { page, server } = session;
  const runId = await startRun(session, SLOW_OFFLINE_RUN);
  await page.goto(`${server.url}/runs/${runId}`);

  // Cancel once bench is really running and has printed something.
  await page
    .locator('[data-testid="run-detail"] header [data-testid="status-RUNNING"]')
    .waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="log-viewer"] [data-log-line]').first().waitFor({ timeout: 60_000 });

  await page.locator('[data-testid="cancel-run"]').click();
  await page.locator('[data-testid="confirm-cancel"]').click();

  const finalChip = page.locator(
    '[data-testid="run-detail"] header [data-status-chip]:not([data-testid="status-RUNNING"])',
  );
  await finalChip.waitFor({ timeout: 60_000 });
  expect(
    await page.locator('[data-testid="run-detail"] header [data-testid="status-CANCELED"]').count(),
  ).toBe(1);
  await page.getByText('Its logs stay readable below.').waitFor();
  // The output printed before the cancel is still on screen, and the stream has ended.
  expect(await page.locator('[data-testid="log-viewer"] [data-log-line]').count()).toBeGreaterThan(0);
  await page.locator('[data-testid="log-viewer"][data-state="ended"]').waitFor();
  expect(await page.locator('[data-testid="cancel-run"]').count()).toBe(0);
  expect(await page.locator('[data-testid="rerun"]').isVisible()).toBe(true);
  await session.screenshot('run-canceled');
});

test('a completed run shows its primary metric, the breakdown chart and a sample with its conversation', async () => {
  const { page, server } = session;
  // demo-weak gets half of the 36 samples wrong: both kinds of rows exist.
  const runId = await startRun(session, { benchmark: 'offline_demo', model: 'offline/demo-weak' });
  await page.goto(`${server.url}/runs/${runId}`);
  await page
    .locator('[data-testid="run-detail"] header [data-testid="status-COMPLETED"]')
    .waitFor({ timeout: 90_000 });

  // Primary metric with its stderr and 95% interval, the breakdown drawn by echarts.
  expect(await page.locator('[data-testid="primary-metric-value"]').textContent()).toMatch(/\d+\.\d%/);
  expect(await page.locator('[data-testid="primary-metric-ci"]').textContent()).toMatch(
    /95% CI \d+\.\d% – \d+\.\d%/,
  );
  await page.locator('[data-testid="breakdown-category"] [data-testid="breakdown-chart"] canvas').waitFor();

  // The samples table, filtered to the wrong answers; the filter is in the URL.
  await page.locator('[data-sample-row]').first().waitFor();
  expect(await page.locator('[data-sample-row]').count()).toBe(25);
  await page.locator('[data-testid="sample-filter-correct"] button', { hasText: 'Incorrect' }).click();
  await page.waitForURL(/[?&]correct=false/);
  await page.waitForFunction(() => {
    const marks = Array.from(document.querySelectorAll('[data-sample-row] [data-correct]'));
    return marks.length > 0 && marks.every((m) => m.getAttribute('data-correct') === 'false');
  });

  // The export follows the filter.
  const samplesCsv = await page
    .locator('[data-testid="export-samples"] [data-testid="export-csv"]')
    .getAttribute('href');
  expect(samplesCsv).toBe(`/api/runs/${runId}/samples.csv?correct=false`);
  const download = await page.request.get(`${server.url}${samplesCsv}`);
  expect(download.status()).toBe(200);

  // A row opens the whole sample: the conversation as chat bubbles, target, answer and score.
  const row = page.locator('[data-sample-row]').first();
  const sampleId = (await row.locator('td').first().textContent())?.trim() ?? '';
  expect(sampleId).not.toBe('');
  await row.click();
  const detail = page.locator('[data-testid="sample-detail"]');
  await detail.locator('[data-testid="sample-conversation"] [data-role="user"]').waitFor();
  await detail.locator('[data-testid="sample-conversation"] [data-role="assistant"]').waitFor();
  expect(await detail.locator('[data-testid="sample-target"]').textContent()).not.toBe('');
  await detail.locator('[data-testid="sample-scores"]').getByText('match').waitFor();
  await page.waitForURL(new RegExp(`[?&]sample=${sampleId}`));
  await session.screenshot('sample-detail', { viewportOnly: true });

  // Next moves to the following incorrect sample.
  await detail.locator('[data-testid="sample-next"]').click();
  await page.waitForURL(
    (url) => url.searchParams.get('sample') !== sampleId && url.searchParams.has('sample'),
  );

  // The URL is a deep link: loading it again shows the same filtered list and open sample.
  const deepLink = page.url();
  await page.goto('about:blank');
  await page.goto(deepLink);
  await page
    .locator('[data-testid="sample-detail"] [data-testid="sample-conversation"] [data-role="assistant"]')
    .waitFor();
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.searchParams.has('sample'));
  expect(new URL(page.url()).searchParams.get('correct')).toBe('false');

  // The log filter lists matching lines only.
  await page.locator('[data-testid="log-filter"] input').fill('accuracy');
  await page.waitForFunction(() => {
    const lines = Array.from(document.querySelectorAll('[data-testid="log-viewer"] [data-log-line]'));
    return lines.length > 0 && lines.every((l) => l.textContent?.toLowerCase().includes('accuracy'));
  });
  await session.screenshot('run-completed-results');
});
