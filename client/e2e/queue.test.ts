import type { Page } from 'playwright-core';
import { cancelRun, graphql, startRun, waitForRun, waitForStatus, type StartRunInput } from './api.js';
import { useSession } from './session.js';

// One run at a time, in process (even if the shell running the tests has a REDIS_URL): the
// second run has to wait, and the queue has something to show.
const session = useSession({ serverEnv: { MAX_CONCURRENT_RUNS: '1', REDIS_URL: '' } });

/** A run that stays RUNNING until canceled: a minute per answer. */
const LONG_RUN: StartRunInput = {
  benchmark: 'offline_demo',
  model: 'offline/demo',
  limit: 4,
  maxConnections: 1,
  modelArgs: [{ key: 'delay', value: '60' }],
};

/** Waits until the element's text (whitespace collapsed) matches. */
async function waitForText(page: Page, selector: string, expected: RegExp, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => {
        const text = document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim();
        return text !== undefined && new RegExp(source, flags).test(text);
      },
      [selector, expected.source, expected.flags] as const,
      { timeout, polling: 100 },
    );
  } catch (error) {
    const actual = await page
      .locator(selector)
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(`${selector} never matched ${expected} (last text: ${JSON.stringify(actual)}): ${error}`);
  }
}

const row = (id: string): string => `[data-testid="run-row-${id}"]`;

test('the Dashboard shows the queue: mode, counts, the worker, queued places and who runs what; Run Detail shows the worker', async () => {
  const { page, server } = session;
  const first = await startRun(session, LONG_RUN);
  const running = await waitForStatus(session, first, 'RUNNING');
  const second = await startRun(session, LONG_RUN);
  const { runQueue } = await graphql<{
    runQueue: { mode: string; queued: number; running: number; workers: { name: string }[] };
  }>(session, '{ runQueue { mode queued running workers { name } } }');
  expect(runQueue.mode).toBe('IN_PROCESS');
  expect(runQueue.workers).toHaveLength(1);
  const worker = runQueue.workers[0]!.name;
  expect(running.worker).toBe(worker);

  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  const panel = '[data-testid="queue-panel"]';
  await page.locator(`${panel}[data-mode="IN_PROCESS"]`).waitFor();
  await waitForText(page, `${panel} [data-testid="queue-mode"]`, /^In process$/);
  await waitForText(page, `${panel} [data-testid="queue-counts"]`, /^1 running · 1 queued$/);
  const chip = page.locator(`${panel} [data-testid="queue-worker-${worker}"]`);
  expect(await chip.getAttribute('data-online')).toBe('true');
  expect(await chip.getAttribute('data-running')).toBe('1');
  expect((await chip.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${worker} · 1 running`);

  // The waiting run says where it stands; the running one, which process runs it.
  await page.locator(`${row(second)} [data-testid="status-QUEUED"]`).waitFor();
  await waitForText(page, `${row(second)} [data-testid="queue-position-${second}"]`, /^· #1$/);
  expect(await page.locator(`${row(second)} [data-testid="run-worker-${second}"]`).count()).toBe(0);
  await page.locator(`${row(first)} [data-testid="status-RUNNING"]`).waitFor();
  await waitForText(
    page,
    `${row(first)} [data-testid="run-worker-${first}"]`,
    new RegExp(`${literal(worker)}$`),
  );
  expect(await page.locator(`${row(first)} [data-testid="queue-position-${first}"]`).count()).toBe(0);
  await page.mouse.move(0, 0);
  await session.screenshot('dashboard-queue');

  // A run started elsewhere joins the queue behind the second, without a reload.
  const third = await startRun(session, LONG_RUN);
  await waitForText(page, `${row(third)} [data-testid="queue-position-${third}"]`, /^· #2$/);
  await waitForText(page, `${panel} [data-testid="queue-counts"]`, /^1 running · 2 queued$/);

  // Run Detail: the worker next to the timing; a queued run has its place and no worker yet.
  await page.locator(row(first)).click();
  await page.waitForURL(`${server.url}/runs/${first}`);
  await waitForText(page, '[data-testid="fact-worker"]', new RegExp(`^${literal(worker)}$`));
  expect(await page.locator('[data-testid="run-resumed"]').count()).toBe(0);
  await session.screenshot('run-detail-worker', { viewportOnly: true });

  await page.goto(`${server.url}/runs/${third}`);
  await waitForText(page, '[data-testid="progress-text"]', /^Queued · position 2 — waiting for a free slot$/);
  await waitForText(page, '[data-testid="fact-worker"]', /^Not assigned yet$/);

  // The first run ends: the second starts on the worker and the third moves up, all live.
  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  await page.locator(`${row(third)} [data-testid="queue-position-${third}"]`).waitFor();
  await cancelRun(session, first);
  await page.locator(`${row(first)} [data-testid="status-CANCELED"]`).waitFor();
  await page.locator(`${row(second)} [data-testid="status-RUNNING"]`).waitFor({ timeout: 60_000 });
  await waitForText(
    page,
    `${row(second)} [data-testid="run-worker-${second}"]`,
    new RegExp(`${literal(worker)}$`),
  );
  await waitForText(page, `${row(third)} [data-testid="queue-position-${third}"]`, /^· #1$/);
  await waitForText(page, `${panel} [data-testid="queue-counts"]`, /^1 running · 1 queued$/);
  // A finished run still says which process ran it.
  await waitForText(
    page,
    `${row(first)} [data-testid="run-worker-${first}"]`,
    new RegExp(`${literal(worker)}$`),
  );

  for (const id of [third, second]) await cancelRun(session, id);
  for (const id of [first, second, third]) expect(await waitForRun(session, id)).toBe('CANCELED');
  await waitForText(page, `${panel} [data-testid="queue-counts"]`, /^0 running · 0 queued$/);
  await waitForText(page, `${panel} [data-testid="queue-worker-${worker}"]`, /· idle$/);
});

/** A literal string inside a RegExp. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
