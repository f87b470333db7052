import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signUp } from './api.js';
import { launchBrowser } from './browser.js';
import { ROOT, startServer, type RunningServer } from './server.js';

export const SCREENSHOTS = path.join(ROOT, 'test-results');

export interface Session {
  server: RunningServer;
  page: Page;
  /** Saves a screenshot to test-results/<name>.png: the whole page, or only what is in view. */
  screenshot: (name: string, options?: { viewportOnly?: boolean }) => Promise<void>;
}

export interface SessionOptions {
  /**
   * Create the test account and log the page in before the tests (default). Every page but
   * /login needs a session; the auth tests sign up through the UI instead.
   */
  signUp?: boolean;
  /** Extra environment for the server (e.g. MAX_CONCURRENT_RUNS=1). */
  serverEnv?: Record<string, string>;
}

/**
 * One real server and one browser page per test file, with the jest hooks that start and stop
 * them. Any uncaught exception in the page fails the test it happened in: it is a bug even when
 * the flow happens to work.
 */
export function useSession(options: SessionOptions = {}): Session {
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  const session = {} as Session;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const [server, launched] = await Promise.all([startServer({ env: options.serverEnv }), launchBrowser()]);
    browser = launched;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(30_000);
    session.server = server;
    session.page = page;
    session.screenshot = async (name, options = {}) => {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      if (options.viewportOnly) {
        await page.screenshot({ path: file });
        return;
      }
      // From the top: fixed bars would otherwise be drawn in the middle of a scrolled page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file, fullPage: true });
    };
    if (options.signUp !== false) await signUp(session);
  });

  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  return session;
}
