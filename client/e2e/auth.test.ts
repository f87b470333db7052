import { FINAL_STATUS } from './api.js';
import { useSession } from './session.js';

// This file signs up through the UI: no account exists before its first test.
const session = useSession({ signUp: false });

const USER = { username: 'ada', password: 'analytical-engine-1843' };
// Looks like a key, ends in a recognisable last 4; it must never be on screen.
const SECRET = 'sk-e2e-do-not-show-0123456789-Q7xz';

/** The login page, remembering the page to return to. */
const atLogin = (next: string) => (url: URL) =>
  url.pathname === '/login' && url.searchParams.get('next') === next;

test('sign up, store a provider key, start a run, log out: protected pages then lead to the login page', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/runs/new`);
  await page.waitForURL(atLogin('/runs/new'));
  await page.locator('[data-testid="login-card"]').waitFor();
  await session.screenshot('login', { viewportOnly: true });

  // Sign up, checked as the user types; then straight to the page that was asked for.
  await page.locator('[data-testid="tab-signup"]').click();
  await page.locator('[data-testid="login-username"] input').fill(USER.username);
  await page.locator('[data-testid="login-password"] input').fill('short');
  await page.getByText('At least 8 characters').first().waitFor();
  await page.locator('[data-testid="login-password"] input').fill(USER.password);
  await page.locator('[data-testid="login-confirm"] input').fill(USER.password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.waitForURL(`${server.url}/runs/new`);

  // The user menu: name, the admin chip (the first account of a server), Settings.
  await page.locator('[data-testid="user-menu"]').click();
  expect(await page.locator('[data-testid="user-menu-name"]').textContent()).toBe(USER.username);
  await page.locator('[data-testid="admin-chip"]').waitFor();
  await page.locator('[data-testid="menu-settings"]').click();
  await page.waitForURL(`${server.url}/settings`);

  // Set the openai key: a password field; afterwards only "set" and the last 4 characters.
  const openai = page.locator('[data-testid="provider-row-openai"]');
  await openai.locator('[data-testid="key-status-unset"]').waitFor();
  await openai.locator('[data-testid="set-key-openai"]').click();
  const dialog = page.locator('[data-testid="provider-key-dialog"]');
  const valueInput = dialog.locator('[data-testid="provider-key-value"] input');
  expect(await valueInput.getAttribute('type')).toBe('password');
  await valueInput.fill(SECRET);
  await dialog.locator('[data-testid="provider-key-save"]').click();
  await openai.locator('[data-testid="key-status-set"]').waitFor();
  expect((await openai.locator('[data-testid="key-last4"]').textContent())?.trim()).toBe('••••Q7xz');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.content()).not.toContain(SECRET);
  // Replacing starts from an empty field: the stored value never comes back.
  await openai.locator('[data-testid="set-key-openai"]').click();
  expect(await dialog.locator('[data-testid="provider-key-value"] input').inputValue()).toBe('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await session.screenshot('settings-keys');

  // A run of an offline model (no key needed) starts and completes for this user.
  await page.locator('[data-testid="nav-new-run"]').click();
  await page.waitForURL(`${server.url}/runs/new`);
  const picker = page.locator('[data-testid="benchmark-picker"] input');
  await picker.click();
  await picker.fill('offline_demo');
  await page.locator('[data-testid="benchmark-option-offline_demo"]').click({ timeout: 60_000 });
  await page.locator('[data-testid="model-input"] input').fill('offline/demo');
  await page.locator('[data-testid="limit-input"] input').fill('4');
  await page.locator('[data-testid="start-run"]').click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  await page.locator(`[data-testid="run-detail"] header :is(${FINAL_STATUS})`).waitFor({ timeout: 90_000 });
  expect(
    await page.locator('[data-testid="run-detail"] header [data-testid="status-COMPLETED"]').count(),
  ).toBe(1);

  // Log out: back to the login page; protected pages now redirect there, remembering the page.
  await page.locator('[data-testid="user-menu"]').click();
  await page.locator('[data-testid="menu-logout"]').click();
  await page.waitForURL(`${server.url}/login`);
  await page.goto(`${server.url}/settings`);
  await page.waitForURL(atLogin('/settings'));
  const status = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ providerKeys { provider } }' }),
    });
    return response.status;
  });
  expect(status).toBe(401);

  // Signing up again with the same name: the server's ValidationError lands on its field.
  await page.locator('[data-testid="tab-signup"]').click();
  await page.locator('[data-testid="login-username"] input').fill(USER.username);
  await page.locator('[data-testid="login-password"] input').fill(USER.password);
  await page.locator('[data-testid="login-confirm"] input').fill(USER.password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.locator('[data-testid="login-username"]').getByText('This user name is taken').waitFor();
  await page.locator('[data-testid="tab-login"]').click();

  // A wrong password is an AuthError on the form; the right one leads to the remembered page.
  await page.locator('[data-testid="login-username"] input').fill(USER.username);
  await page.locator('[data-testid="login-password"] input').fill('not-the-password');
  await page.locator('[data-testid="login-submit"]').click();
  await page.locator('[data-testid="login-error"]').waitFor();
  await page.locator('[data-testid="login-password"] input').fill(USER.password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.waitForURL(`${server.url}/settings`);
  await page.locator('[data-testid="provider-row-openai"] [data-testid="key-status-set"]').waitFor();

  // Without a reload, the live dashboard subscribes over a new socket opened with the new cookie.
  await page.locator('[data-testid="nav-dashboard"]').click();
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  expect(await page.locator('[data-run-row]').count()).toBe(1);
});

test('a session that ends under the user sends them to the login page, then back', async () => {
  const { page, server } = session;
  // Settings asks the server nothing in the background (the dashboard polls its queue panel),
  // so the first request after the cookie is gone is the one the navigation below makes.
  await page.goto(`${server.url}/settings`);
  await page.locator('[data-testid="keys-set-count"]').waitFor();

  // The session cookie disappears (as when it expires): the next request is UNAUTHENTICATED.
  await page.context().clearCookies();
  await page.locator('[data-testid="nav-benchmarks"]').click();
  await page.waitForURL(atLogin('/benchmarks'));
  await page.locator('[data-testid="session-expired"]').waitFor();

  await page.locator('[data-testid="login-username"] input').fill(USER.username);
  await page.locator('[data-testid="login-password"] input').fill(USER.password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.waitForURL(`${server.url}/benchmarks`);
  await page.locator('[data-testid="benchmark-count"]').waitFor({ timeout: 60_000 });
});
