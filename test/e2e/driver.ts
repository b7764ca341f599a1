import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { E2E_WAIT_MS } from './harness';

const SCREENSHOTS = path.resolve('test/e2e/screenshots');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** One browser tab on the CareMap client, driven the way a person would use it. */
export class CareMapDriver {
  /** Every request (WebSockets included) that went anywhere but this machine. */
  readonly outsideRequests: string[] = [];
  /** Every request to the platform, by path. */
  readonly localRequests: string[] = [];
  /** Every WebSocket the page opened to the platform, by path (others count as outside requests). */
  readonly webSockets: string[] = [];
  readonly errors: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (LOCAL_HOSTS.has(url.hostname)) this.localRequests.push(url.pathname);
      else this.outsideRequests.push(request.url());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('websocket', (socket) => {
      const url = new URL(socket.url());
      if (LOCAL_HOSTS.has(url.hostname)) this.webSockets.push(url.pathname);
      else this.outsideRequests.push(socket.url());
    });
  }

  /** Opens a fresh tab; requests that would leave localhost are recorded and refused. */
  static async open(
    browser: Browser,
    baseUrl: string,
    options: BrowserContextOptions = {},
  ): Promise<CareMapDriver> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      ...options,
    });
    const page = await context.newPage();
    const driver = new CareMapDriver(page, baseUrl);
    await context.route(/.*/, (route) => {
      const url = new URL(route.request().url());
      return LOCAL_HOSTS.has(url.hostname) ? route.continue() : route.abort('blockedbyclient');
    });
    return driver;
  }

  /** Loads the client (with a shared link's query) and waits until facilities are drawn and listed. */
  async visit(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${query}`);
    await this.page.waitForFunction(
      () => performance.getEntriesByName('caremap:first-facility').length > 0,
      null,
      {
        timeout: 30_000,
      },
    );
    await this.settle();
  }

  /** Waits until the result list has loaded. */
  async waitForList(): Promise<void> {
    await expect
      .poll(
        async () =>
          (await this.page
            .locator('.results-status')
            .textContent()
            .catch(() => '')) ?? '',
        {
          timeout: 15_000,
        },
      )
      .toMatch(/^(?!.*(加载|Loading)).+/);
  }

  /** Types a place search and submits it with Enter; waits for the places found. */
  async search(text: string): Promise<void> {
    await this.page.fill('#search-text', text);
    await this.page.press('#search-text', 'Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
    await this.page.locator('.place-list, .places-status').first().waitFor({ timeout: E2E_WAIT_MS });
    await expect
      .poll(() => this.page.locator('.places-status').textContent(), { timeout: E2E_WAIT_MS })
      .not.toMatch(/加载|Loading/);
  }

  /** Names of the places the search found, best first. */
  placeNames(): Promise<string[]> {
    return this.page.locator('.place .result-name').allTextContents();
  }

  /** Chooses a place the search found: a facility opens its details, another place starts the circle. */
  async choosePlace(name: string): Promise<void> {
    const place = this.page
      .locator('button.place', {
        has: this.page.locator('.result-name', { hasText: new RegExp(`^${name}$`) }),
      })
      .first();
    const kind = await place.getAttribute('data-kind');
    await place.click();
    if (kind === 'FACILITY') await this.page.locator('#details-heading').waitFor({ timeout: E2E_WAIT_MS });
    else await this.page.locator('#circle-heading').waitFor({ timeout: E2E_WAIT_MS });
  }

  /** Opens a panel's filter section (prefix '' for the search panel, 'circle-' for the circle's). */
  async openFilters(prefix = ''): Promise<void> {
    const box = this.page.locator(prefix ? '#circle-panel details.filters' : '#search-panel details.filters');
    if (!(await box.evaluate((el) => el.hasAttribute('open')))) await box.locator('> summary').click();
  }

  /**
   * Waits until the map has finished moving and drawing and the list has followed it: the client marks
   * both with aria-busy while they change.
   */
  async settle(): Promise<void> {
    const settled = () =>
      this.page
        .locator('#map[aria-busy], .results[aria-busy]')
        .count()
        .then((busy) => busy === 0);
    await expect.poll(settled, { timeout: 30_000, interval: 100 }).toBe(true);
    await this.page.waitForTimeout(300);
    await expect.poll(settled, { timeout: 30_000, interval: 100 }).toBe(true);
  }

  /** Names in the result list, top to bottom. */
  resultNames(): Promise<string[]> {
    return this.page.locator('.result .result-name').allTextContents();
  }

  /** Facility types of the result list. */
  async resultTypes(): Promise<string[]> {
    return this.page
      .locator('.result')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-type') ?? ''));
  }

  /** Opens a facility from the list and waits for its details. */
  async openResult(name: string): Promise<void> {
    await this.page
      .locator('.result', { has: this.page.locator('.result-name', { hasText: name }) })
      .first()
      .click();
    await this.page.locator('#details-heading').waitFor();
  }

  /** The details panel: its heading and every term with its value. */
  async details(): Promise<{ name: string; facts: Record<string, string>; text: string }> {
    const name = (await this.page.locator('#details-heading').textContent()) ?? '';
    const facts = await this.page.locator('#details-panel dl.facts').evaluate((dl) => {
      const out: Record<string, string> = {};
      const terms = dl.querySelectorAll('dt');
      for (const dt of terms) out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
      return out;
    });
    const text = (await this.page.locator('#details-panel').textContent()) ?? '';
    return { name, facts, text };
  }

  /** Ticks or unticks a facility type filter. */
  async toggleType(type: string, prefix = ''): Promise<void> {
    await this.openFilters(prefix);
    await this.page.locator(`#${prefix}type-${type}`).click();
    await this.settle();
  }

  /** Facility types the map draws once it is idle, as it reports them for screen readers. */
  async mapTypes(): Promise<string[]> {
    await this.page.locator('#map-status[data-types]').waitFor({ state: 'attached' });
    const types = (await this.page.locator('#map-status').getAttribute('data-types')) ?? '';
    return types ? types.split(',') : [];
  }

  /** Waits until the map reports drawing exactly these facility types. */
  async expectMapTypes(types: string[]): Promise<void> {
    await expect.poll(() => this.mapTypes(), { timeout: 15_000 }).toEqual(types);
  }

  /**
   * What the map reports having drawn once it is idle (#map-status data attributes): types, facilities,
   * clusters, circle (time limits of the circle drawn), serviceAreas (count), vacantBeds (id:beds,…).
   */
  async mapStatus(): Promise<Record<string, string>> {
    return this.page.locator('#map-status').evaluate((status) =>
      Object.fromEntries(
        status
          .getAttributeNames()
          .filter((name: string) => name.startsWith('data-'))
          .map((name: string) => [
            name.slice(5).replace(/-([a-z])/g, (_: string, letter: string) => letter.toUpperCase()),
            status.getAttribute(name) ?? '',
          ]),
      ),
    );
  }

  /** Vacant beds on the badge of each facility the map draws, by facility id. */
  async drawnVacancies(): Promise<Record<string, number>> {
    const pairs = ((await this.mapStatus()).vacantBeds ?? '').split(',').filter(Boolean);
    return Object.fromEntries(pairs.map((pair) => pair.split(':')).map(([id, beds]) => [id, Number(beds)]));
  }

  /** Clicks the middle of the map. */
  async clickMapCenter(): Promise<void> {
    const box = (await this.page.locator('#map').boundingBox())!;
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** The 15-minute circle's list: each facility's walking time as the API gave it and as the list shows it. */
  async circleList(): Promise<{ id: string; travelMinutes: number; meta: string }[]> {
    return this.page.locator('#circle-panel li.reachable').evaluateAll((items) =>
      items.map((item) => ({
        id: item.querySelector('button.result')?.getAttribute('data-id') ?? '',
        travelMinutes: Number(item.getAttribute('data-travel-minutes')),
        meta: item.querySelector('.result-meta')?.textContent ?? '',
      })),
    );
  }

  /** The map position the page's URL holds. */
  mapParam(): string | null {
    return new URL(this.page.url()).searchParams.get('map');
  }

  /** Saves a screenshot as test/e2e/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
  }

  /** Saves a screenshot of the journey tests as /tmp/journeys-<name>.png, for a person to look at. */
  async journeyShot(name: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path: `/tmp/journeys-${name}.png`, fullPage });
  }

  /** Closes the tab and its context. */
  async close(): Promise<void> {
    await this.page.context().close();
  }
}
