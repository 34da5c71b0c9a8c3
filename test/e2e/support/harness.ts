/**
 * End-to-end harness: an ecoplan server on a free loopback port over a fresh SQLite file (the plans of
 * plans/ loaded, accounts created), the built web app (web/dist), and Debian's Chromium driven by
 * playwright-core (from web/node_modules: the web app's package owns it). Screenshots go to
 * test-artifacts/screenshots/.
 *
 * Without /usr/bin/chromium or web/dist the end-to-end tests are skipped with a message; under CI
 * (CI=true) either missing is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDb, type Db } from '../../../src/store/db.js';
import { createContext, type ServiceContext } from '../../../src/services/context.js';
import { loadPlans, readPlanFolder } from '../../../src/services/plans.js';
import { addUser } from '../../../src/services/accounts.js';
import { buildApp } from '../../../src/server/app.js';
import type { Role } from '../../../src/domain/access.js';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The built web app. */
export const WEB_DIST = join(ROOT, 'web', 'dist');
/** Debian's Chromium. */
export const CHROMIUM = process.env.ECOPLAN_CHROMIUM ?? '/usr/bin/chromium';
/** Where screenshots are written (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
/** The password of every test account (meets the policy: 8+ characters from 4 classes). */
export const PASSWORD = 'Str0ng!Passw0rd';

/** Why the end-to-end tests cannot run here, or null when they can. Under CI a reason is an error. */
export function e2eUnavailable(): string | null {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} 不存在（apt-get install chromium）`);
  if (!existsSync(join(WEB_DIST, 'index.html'))) missing.push('web/dist 未构建（npm --prefix web ci && npm --prefix web run build）');
  if (!missing.length) return null;
  const reason = `端到端测试无法运行 / end-to-end tests cannot run: ${missing.join('；')}`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`[e2e skipped] ${reason}`);
  return reason;
}

/** An account to create. */
export interface TestUser {
  username: string;
  role: Role;
  scopes?: string[];
  unit?: string;
  /** Must change the password at first sign-in (default false, so most tests sign straight in). */
  mustChange?: boolean;
}

/** The accounts most tests use: one per role (岳阳楼区 430602 and 资阳区 430902 for the district roles). */
export const DEFAULT_USERS: TestUser[] = [
  { username: 'admin', role: 'admin' },
  { username: 'auditor', role: 'auditor' },
  { username: 'editor', role: 'editor', scopes: ['430602', '430902'] },
  { username: 'yy-city', role: 'reviewer', scopes: ['430600'] },
  { username: 'yy-clerk', role: 'clerk', scopes: ['430602'], unit: '区住建局' },
];

/** A running server. */
export interface TestServer {
  url: string;
  ctx: ServiceContext;
  db: Db;
  close(): Promise<void>;
}

/** Starts a server over a fresh database in a temp dir with the plans of plans/ and the given accounts (port 0: a free one). */
export async function startServer(users: TestUser[] = DEFAULT_USERS, options: { port?: number } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-e2e-'));
  const db = await openDb(`sqlite:${join(dir, 'ecoplan.sqlite')}`);
  const ctx = createContext(db);
  const system = { kind: 'system' as const, name: 'e2e', address: null };
  await loadPlans(ctx, system, await readPlanFolder(join(ROOT, 'plans')));
  for (const u of users) {
    await addUser(ctx, system, { username: u.username, role: u.role, scopes: u.scopes ?? [], unit: u.unit ?? null, password: PASSWORD, mustChange: u.mustChange ?? false });
  }
  const app = await buildApp(ctx, { webDir: WEB_DIST, signInPerMinute: 1000 });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    db,
    async close() {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser with a fresh profile. */
export interface TestBrowser {
  context: BrowserContext;
  browser: Browser | null;
  close(): Promise<void>;
}

type PlaywrightCore = typeof import('playwright-core');

/** playwright-core as the web app's package installed it. */
export function playwright(): PlaywrightCore {
  const require = createRequire(join(ROOT, 'web', 'package.json'));
  return require('playwright-core') as PlaywrightCore;
}

/** Launches Debian's Chromium headless with a fresh --user-data-dir; `viewport` defaults to a laptop. */
export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ecoplan-chromium-'));
  const context = await playwright().chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Generous: CI machines have two cores shared by the server, the test runner and Chromium.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  return {
    context,
    browser: context.browser(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the sign-in form and waits for the app shell. */
export async function signIn(page: Page, base: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** Collects the browser's console errors and failed requests of a page (to assert a clean run). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** A server and a browser page for one test file. */
export interface E2e {
  server: TestServer;
  browser: TestBrowser;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** Starts a server and a browser with one page; `errors` collects the page's console errors. */
export async function startE2e(users: TestUser[] = DEFAULT_USERS, viewport?: { width: number; height: number }): Promise<E2e> {
  const server = await startServer(users);
  const browser = await launchBrowser(viewport);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const errors = watchErrors(page);
  return {
    server,
    browser,
    page,
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Picks an option of an Ant Design select (opened by clicking `select`) by its visible title. */
export async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.locator(select).first().click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).first().click();
}

/** Console errors other than the expected 401 of the first /auth/me before signing in. */
export function unexpectedErrors(errors: readonly string[]): string[] {
  return errors.filter((e) => !/status of 401/.test(e));
}

type Locator = ReturnType<Page['locator']>;

/** Waits until `read()` satisfies `ok`, polling; throws with the last value read after `timeout` ms. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown = null;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(last)}${error ? ` (${String(error)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the first element of the locator is visible. */
export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

/** Waits until the locator's (first element's) text, trimmed, equals `text`. */
export async function hasText(locator: Locator, text: string): Promise<void> {
  await eventually(async () => ((await locator.first().textContent({ timeout: 2000 })) ?? '').trim(), (v) => v === text, `text of ${locator.toString()} should be "${text}"`);
}

/** Waits until the locator's (first element's) text contains `text`. */
export async function containsText(locator: Locator, text: string): Promise<void> {
  await eventually(async () => (await locator.first().textContent({ timeout: 2000 })) ?? '', (v) => v.includes(text), `text of ${locator.toString()} should contain "${text}"`);
}

/** Waits until the locator matches `n` elements. */
export async function hasCount(locator: Locator, n: number): Promise<void> {
  await eventually(() => locator.count(), (v) => v === n, `count of ${locator.toString()} should be ${n}`);
}
