import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { newClientIp } from './api-client';
import { SUITE_GATEWAY_URL } from './suite-settings';

/** The admin portal as the gateway serves it; pages are hash routes under it. */
export const PORTAL_URL = `${SUITE_GATEWAY_URL}/admin/`;
export const portalRoute = (route = '') => `${PORTAL_URL}#/${route}`;

export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 390, height: 844 };

/** Where the browser tests write their screenshots (gitignored test artifacts). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '.local', 'screenshots', 'admin-portal');

/** Debian's Chromium (installed by tools/ensure-chromium.sh), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh context (its own storage) and page. Each arrives from its own client address, so the
 * per-IP sign-in limits of one test do not spend another's.
 */
export async function portalPage(
  browser: Browser,
  viewport: { width: number; height: number } = WIDE,
): Promise<BrowserSession> {
  const context = await browser.newContext({
    viewport,
    extraHTTPHeaders: { 'x-forwarded-for': newClientIp() },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Fills the sign-in form and submits it (the outcome is the caller's to check). */
export async function submitSignIn(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto(PORTAL_URL);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the dashboard. */
export async function signIn(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await submitSignIn(page, credentials);
  await page.getByRole('heading', { name: 'Today' }).waitFor();
}

/** Where the portal keeps the refresh token between reloads (sessionStorage). */
export const storedSession = (page: Page) =>
  page.evaluate<string | null>("sessionStorage.getItem('rendezvous-admin-session')");

// Strings, since the e2e project compiles without the DOM's types.
export const isFocused = (target: Locator) =>
  target.evaluate(
    (element: { ownerDocument: { activeElement: unknown } }) =>
      element === element.ownerDocument.activeElement,
  );
export const blurAll = (page: Page) =>
  page.evaluate('document.activeElement && document.activeElement.blur()');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA, and
 * axe's best practices). Legacy mode runs axe within the page (the portal has no frames) instead
 * of finishing each run in a page of its own, which took 4 times as long.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
