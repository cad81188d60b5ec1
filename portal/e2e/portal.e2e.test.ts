import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startSystem, type RunningSystem } from './system';

// Demo users and organisation slugs are fixed by the demo data (indexer/src/demo); names come from the API.
const PASSWORD = 'bewaard-demo';
const WOO_A = 'woo@org-a.example.org';
const RESEARCHER = 'onderzoek@example.org';
/** Common Dutch words of the demo texts, tried in order until one has hits. */
const WORDS = ['vandaag', 'nieuwe', 'jaar'];
const INDEX_WAIT_MS = 3 * 60_000;
const SCREENSHOTS = path.join(repoRoot, 'portal/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  return context.newPage();
}

/** Waits until the search page shows the data of the current URL (client navigations update the URL first). */
async function searchSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLElement>('.search-page');
    return (
      el !== null &&
      el.dataset.search === window.location.search &&
      !document.querySelector('[aria-busy="true"]')
    );
  });
}

async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${system.portalUrl}/zoeken`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('form.form button[type=submit]');
}

async function orgSlugsOfResults(page: Page): Promise<string[]> {
  return page
    .locator('.result .item-meta__org')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.orgSlug ?? ''));
}

/** Submits the search box; retries while the index worker is still catching up on the demo data. */
async function searchWithHits(page: Page, words: readonly string[]): Promise<string> {
  const deadline = Date.now() + INDEX_WAIT_MS;
  for (;;) {
    for (const word of words) {
      await page.fill('#q', word);
      await page.click('.search-bar__submit');
      await page.waitForURL((u) => u.searchParams.get('q') === word);
      await searchSettled(page);
      if ((await page.locator('.result').count()) > 0) return word;
    }
    if (Date.now() > deadline)
      throw new Error(`No hits for ${words.join(', ')} after ${INDEX_WAIT_MS / 1000}s\n${system.log()}`);
    await page.waitForTimeout(2_000);
  }
}

describe('portal against the running system', () => {
  it('rejects wrong credentials with a Dutch message', async () => {
    const page = await newPage();
    await logIn(page, WOO_A, 'niet-het-wachtwoord');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('onjuist');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('shows a Woo coordinator only organisation A, item versions, and logs out', async () => {
    const page = await newPage();
    await logIn(page, WOO_A);
    await page.waitForSelector('#q');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    // Static assets must be served: the stylesheet applies and the client bundle hydrates the page.
    expect(
      await page.locator('.site-header__bar').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(21, 66, 115)');
    await page.waitForFunction(() => '__remixRouter' in window, undefined, { timeout: 15_000 });
    // One visible organisation: no organisation filter is offered.
    expect(await page.locator('#org').count()).toBe(0);

    const word = await searchWithHits(page, WORDS);
    await expect.poll(() => page.locator('.results__count').textContent()).toMatch(/\d+ resultaten?/);
    expect(await page.locator('.result mark').count()).toBeGreaterThan(0);
    const slugs = await orgSlugsOfResults(page);
    expect(slugs.length).toBeGreaterThan(0);
    expect(new Set(slugs)).toEqual(new Set(['org-a']));
    const orgName = await page.locator('.result .item-meta__org').first().textContent();
    expect(orgName?.trim().length).toBeGreaterThan(0);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png'), fullPage: true });

    if (await page.locator('.pagination__next').count()) {
      await page.click('.pagination__next');
      await page.waitForURL((u) => u.searchParams.has('after'));
      await searchSettled(page);
      expect(new Set(await orgSlugsOfResults(page))).toEqual(new Set(['org-a']));
      await expect.poll(() => page.locator('.pagination__page').textContent()).toBe('Pagina 2');
    }

    await page.click('.result__title a');
    await page.waitForURL(/\/items\//);
    await page.waitForSelector('.versions');
    expect(await page.locator('.version').count()).toBeGreaterThan(0);
    expect(await page.locator('.version--current').count()).toBe(1);
    expect(await page.locator('.details__org').getAttribute('data-org-slug')).toBe('org-a');
    expect((await page.locator('.details__org').textContent())?.trim()).toBe(orgName?.trim());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'item.png'), fullPage: true });

    await page.click('.logout-form button');
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('loggedOut') === '1');
    await page.goto(`${system.portalUrl}/zoeken?q=${word}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('shows a researcher organisations A and B, never C', async () => {
    const page = await newPage();
    await logIn(page, RESEARCHER);
    await page.waitForSelector('#org');
    const offered = await page
      .locator('#org option')
      .evaluateAll((els) =>
        els.map((e) => (e as HTMLElement).dataset.orgSlug).filter((s): s is string => !!s),
      );
    expect(offered).toContain('org-a');
    expect(offered).toContain('org-b');
    expect(offered).not.toContain('org-c');

    await searchWithHits(page, WORDS);
    expect((await orgSlugsOfResults(page)).filter((s) => s === 'org-c')).toEqual([]);

    for (const slug of ['org-a', 'org-b']) {
      const deadline = Date.now() + INDEX_WAIT_MS;
      for (;;) {
        await page.goto(`${system.portalUrl}/zoeken`);
        const orgId = await page.locator(`#org option[data-org-slug="${slug}"]`).getAttribute('value');
        await page.selectOption('#org', orgId ?? '');
        await page.click('.filters__actions button[type=submit]');
        await page.waitForURL((u) => u.searchParams.get('org') === orgId);
        await searchSettled(page);
        if ((await page.locator('.result').count()) > 0 || Date.now() > deadline) break;
        await page.waitForTimeout(2_000);
      }
      const slugs = await orgSlugsOfResults(page);
      expect(slugs.length, `results for ${slug}`).toBeGreaterThan(0);
      expect(new Set(slugs)).toEqual(new Set([slug]));
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-researcher.png'), fullPage: true });
    await page.context().close();
  });
});
