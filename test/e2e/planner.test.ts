// type-graphql's decorators need the metadata polyfill before any server module loads.
import 'reflect-metadata';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GAP_PAGE_SIZE } from '../../client/planner/queries';
import type { GapsFile } from '../../client/planner/export-geojson';
import { messagesFor } from '../../client/i18n/i18n';
import { formatNumber } from '../../client/planner/i18n/messages';
import { DEFAULT_SETTINGS } from '../../client/planner/settings';
import type { Gap, IndicatorResult, NeedCoverageReport } from '../../client/planner/types';
import { TokenService } from '../../server/auth/token.service';
import type { Database } from '../../server/db/database';
import { importNeedFile } from '../../server/need/need.cli';
import { TEST_JWT_SECRET } from '../support/secret';
import { parseCsv } from '../client/planner/csv';
import { TEST_DATABASE_URL } from '../support/database';
import { CareMapDriver } from './driver';
import { browserAvailable, E2E_WAIT_MS, startStage } from './harness';

const require = createRequire(import.meta.url);
const SCREENSHOTS = path.resolve('test/e2e/screenshots');
const REGION = '330102';
const operation = (name: string) => readFileSync(`schema/operations/${name}.graphql`, 'utf8');
const count = (n: number) => formatNumber(n, 'zh', 0);

/** The platform on a copy of the seeded demo, Chromium, and a planner's token issued on that database. */
interface PlannerStage {
  url: string;
  browser: Browser;
  plannerToken: string;
  /** The stage's own copy of the demo database. */
  db: Database;
  close(): Promise<void>;
}

/** The harness's stage plus a planner's token issued on its database. */
async function startPlannerStage(): Promise<PlannerStage> {
  const stage = await startStage();
  const { token } = await new TokenService(stage.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'PLANNER',
    subject: 'e2e planner',
  });
  return { url: stage.url, browser: stage.browser, plannerToken: token, db: stage.db, close: stage.close };
}

describe.skipIf(TEST_DATABASE_URL !== null || !browserAvailable())('the planner view in Chromium', () => {
  let stage: PlannerStage;
  let driver: CareMapDriver | null = null;
  /** Requests of every tab (the report opens in its own) that went anywhere but this machine. */
  const outside: string[] = [];

  /** Asks the API what the page asks, from outside the browser. */
  async function api<Data>(query: string, variables: Record<string, unknown>, token: string | null) {
    const response = await fetch(`${stage.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: Data; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  const scorecard = (token: string | null) =>
    api<{ indicators: IndicatorResult[] }>(operation('Scorecard'), { regionCode: REGION }, token).then(
      (data) => data.indicators,
    );

  const open = async (
    options: Parameters<typeof CareMapDriver.open>[2] = {},
    token: string | null = null,
  ) => {
    driver = await CareMapDriver.open(stage.browser, stage.url, {
      viewport: { width: 1024, height: 768 },
      acceptDownloads: true,
      ...options,
    });
    const context = driver.page.context();
    context.on('request', (request) => {
      const { hostname } = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(hostname) && !request.url().startsWith('data:'))
        outside.push(request.url());
    });
    if (token)
      await context.addInitScript((value) => sessionStorage.setItem('caremap:planner-token', value), token);
    await driver.page.goto(`${stage.url}/planner.html`);
    await ready(driver.page);
    return driver;
  };

  /** Waits until the analysis has answered and the map has drawn it. */
  async function ready(page: Page, timeout = 60_000) {
    await page.locator('#progress[data-state="ready"]').waitFor({ timeout });
    await expect.poll(() => page.locator('#map[aria-busy]').count(), { timeout: 30_000 }).toBe(0);
  }

  async function downloaded(page: Page, button: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = await download.path();
    return { download, text: readFileSync(file, 'utf8') };
  }

  beforeAll(async () => {
    stage = await startPlannerStage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterEach(async () => {
    if (!driver) return;
    expect(driver.errors).toEqual([]);
    expect(driver.outsideRequests).toEqual([]);
    await driver.close();
    driver = null;
  });

  afterAll(async () => {
    expect(outside).toEqual([]);
    await stage?.close();
  });

  it('shows the public district scorecard without a token, says what signing in unlocks, and maps an indicator', async () => {
    const d = await open();
    const page = d.page;
    expect(await page.locator('#sign-in').textContent()).toContain('未登录');
    expect(await page.locator('.unlocks li').count()).toBe(4);
    const rows = await scorecard(null);
    expect(rows.every((row) => row.regionLevel === 'DISTRICT')).toBe(true);
    expect(
      await page
        .locator('#scorecard tr[data-code]')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.getAttribute('data-code'), tr.getAttribute('data-status')]),
        ),
    ).toEqual(rows.map((row) => [row.code, row.status]));
    expect(await page.locator('.gap-item').count()).toBe(0);
    await d.screenshot('planner-public');

    await page.selectOption('#choropleth-indicator', 'NURSING_BED_SHARE');
    await page.locator('#choropleth-note').waitFor();
    const city = await api<{ indicators: IndicatorResult[] }>(
      operation('Scorecard'),
      { regionCode: '330100' },
      null,
    );
    const districts = city.indicators.filter(
      (row) => row.code === 'NURSING_BED_SHARE' && row.regionLevel === 'DISTRICT',
    );
    const withValue = districts.filter((row) => row.value !== null);
    expect(await page.locator('#choropleth-note').textContent()).toBe(
      `${districts.length} 个区中只有 ${withValue.length} 个有确切数值；灰色为无数据，不表示为零。`,
    );
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('NURSING_BED_SHARE');
    await ready(page);
    await page.locator('#choropleth').scrollIntoViewIfNeeded();
    await d.screenshot('planner-choropleth');
  });

  it('shows coverage and gaps while service areas are still being drawn, and adds the areas when they arrive', async () => {
    const d = await open({}, stage.plannerToken);
    const page = d.page;
    expect(Number(await page.locator('#map').getAttribute('data-service-areas'))).toBeGreaterThan(0);
    // Service areas drawn on demand can take long: hold their answer until coverage and gaps are on the page.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query ServiceAreas')) await released;
      await route.continue();
    });
    await page.fill('#minutes', '12');
    await page.dispatchEvent('#minutes', 'change');
    await page.click('#run');
    await page.locator('#service-areas-drawing').waitFor({ timeout: E2E_WAIT_MS });
    expect(await page.locator('#service-areas-drawing').textContent()).toBe(
      '服务范围绘制中，完成后显示在地图上…',
    );
    expect(await page.locator('#coverage-heading').count()).toBe(1);
    expect(await page.locator('.gap-item').count()).toBeGreaterThan(0);
    expect(await page.locator('#map').getAttribute('data-service-areas')).toBe('0');
    expect(await page.locator('#progress').getAttribute('data-state')).not.toBe('ready');
    await d.screenshot('planner-areas-drawing');
    release();
    await ready(page);
    expect(await page.locator('#service-areas-drawing').count()).toBe(0);
    expect(Number(await page.locator('#map').getAttribute('data-service-areas'))).toBeGreaterThan(0);
    await page.unroute('**/graphql');
  });

  it('signs in as a planner: 上城区 scorecard, the largest gap, both exports and the report match the API', async () => {
    const d = await open();
    const page = d.page;
    await page.fill('#token-input', stage.plannerToken);
    await page.click('#sign-in-submit');
    await expect
      .poll(() => page.locator('#signed-in').textContent(), { timeout: E2E_WAIT_MS })
      .toContain('规划人员 PLANNER（e2e planner）');
    await ready(page);

    const rows = await scorecard(stage.plannerToken);
    const { gaps } = await api<{ gaps: Gap[] }>(
      operation('Gaps'),
      { ...DEFAULT_SETTINGS, capacityAware: undefined, first: GAP_PAGE_SIZE },
      stage.plannerToken,
    );
    expect(gaps.length).toBeGreaterThan(0);

    // The scorecard: every row of the API, in its order, with its status in words and colour.
    expect(await page.locator('#scorecard-heading').textContent()).toBe('上城区 指标评估');
    expect(
      await page
        .locator('#scorecard tr[data-code]')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-region'),
            tr.getAttribute('data-code'),
            tr.getAttribute('data-status'),
          ]),
        ),
    ).toEqual(rows.map((row) => [row.regionCode ?? '', row.code, row.status]));
    const own = rows.filter((row) => row.regionCode === REGION);
    const statusWords = { PASS: '达标', FAIL: '未达标', UNKNOWN: '数据不足' };
    for (const row of own) {
      const tr = page.locator(`#scorecard tr[data-region="${REGION}"][data-code="${row.code}"]`);
      expect(await tr.locator('.status').textContent()).toContain(statusWords[row.status]);
      if (row.status === 'UNKNOWN')
        expect(await tr.locator('.missing').textContent()).toContain(row.missingDataZh[0]);
    }
    const failing = own.find((row) => row.failingFacilityIds.length > 0)!;
    await page
      .locator(`#scorecard tr[data-region="${REGION}"][data-code="${failing.code}"] .facilities-list summary`)
      .click();
    const names = page.locator(
      `#scorecard tr[data-region="${REGION}"][data-code="${failing.code}"] .facility-names li[data-facility-id]`,
    );
    await expect.poll(() => names.count(), { timeout: E2E_WAIT_MS }).toBe(failing.facilityIds.length);
    await page.locator('#scorecard').scrollIntoViewIfNeeded();
    await d.screenshot('planner-scorecard');

    // The gaps, most older people first; the largest opens from the list …
    const items = page.locator('.gap-item');
    expect(await items.count()).toBe(gaps.length);
    expect(await items.first().getAttribute('data-gap-id')).toBe(gaps[0].id);
    await items.first().click();
    const card = page.locator('#gap-card');
    await expect.poll(() => card.getAttribute('data-gap-id'), { timeout: E2E_WAIT_MS }).toBe(gaps[0].id);
    await expectGapCard(page, gaps[0]);
    // … and from the map: the map is centred on a point inside it.
    await page.click('#gap-card-close');
    expect(await card.isHidden()).toBe(true);
    await expect.poll(() => page.locator('#map[aria-busy]').count(), { timeout: 30_000 }).toBe(0);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => card.getAttribute('data-gap-id'), { timeout: E2E_WAIT_MS }).toBe(gaps[0].id);
    await expectGapCard(page, gaps[0]);
    await ready(page);
    await d.screenshot('planner-largest-gap');

    // The scorecard CSV holds the API's numbers exactly.
    const csv = await downloaded(page, '#export-csv');
    expect(csv.download.suggestedFilename()).toMatch(/^caremap-scorecard-330102-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parseCsv(csv.text.slice(1));
    expect(lines).toHaveLength(rows.length);
    const records = lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i]])));
    const numberOf = (text: string) => (text === '' ? null : Number(text));
    records.forEach((record, i) => {
      const row = rows[i];
      expect([record.region_code, record.indicator_code, record.indicator_zh, record.status]).toEqual([
        row.regionCode ?? '',
        row.code,
        row.name,
        row.status,
      ]);
      const hundredths = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
      expect(numberOf(record.value)).toBe(hundredths(row.value));
      expect(numberOf(record.lower_bound)).toBe(hundredths(row.lowerBound));
      expect(numberOf(record.upper_bound)).toBe(hundredths(row.upperBound));
      expect(numberOf(record.target)).toBe(row.target);
      expect(Number(record.facilities_counted)).toBe(row.facilityIds.length);
      expect(record.is_sample).toBe(String(row.isSample));
    });

    // The gaps GeoJSON holds the API's gaps, geometry and nearest facilities.
    const geojson = await downloaded(page, '#export-geojson');
    expect(geojson.download.suggestedFilename()).toMatch(
      /^caremap-gaps-330102-.+-15min-\d{4}-\d{2}-\d{2}\.geojson$/,
    );
    const file = JSON.parse(geojson.text) as GapsFile;
    expect(file.type).toBe('FeatureCollection');
    expect(file.sample).toBe(true);
    expect(file.features).toHaveLength(gaps.length);
    file.features.forEach((feature, i) => {
      const gap = gaps[i];
      expect(feature.id).toBe(gap.id);
      expect(feature.geometry).toEqual(gap.area);
      expect(feature.properties).toMatchObject({
        ...gap.elderly,
        cellCount: gap.cellCount,
        reason: gap.reason,
        sample: true,
      });
      for (const missing of gap.missing) {
        expect(feature.properties[`missing_${missing.type}_nearest_facility_id`]).toBe(
          missing.nearestFacility?.id ?? null,
        );
        expect(feature.properties[`missing_${missing.type}_travel_minutes`]).toBe(
          missing.travelMinutes === null ? null : Math.round(missing.travelMinutes * 10) / 10,
        );
      }
    });

    // The printable report of the same question opens in a tab of its own, signed in too.
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.click('#open-report')]);
    const reportErrors: string[] = [];
    report.on('pageerror', (error) => reportErrors.push(error.message));
    await report.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await report.locator('#report-region').textContent()).toBe('上城区（330102）');
    const today = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    expect(await report.locator('#report-date').textContent()).toBe(`生成日期：${today}`);
    expect(await report.locator('#report-map-image').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
    // The region's own table first; below it one table per street, not every community.
    expect(await report.locator('.report-section .scorecard').first().locator('tr[data-code]').count()).toBe(
      own.length,
    );
    const streets = new Set(rows.filter((row) => row.regionLevel === 'STREET').map((row) => row.regionCode));
    expect(
      await report
        .locator('.report-section h3')
        .filter({ hasText: /街道|镇/ })
        .count(),
    ).toBe(streets.size);
    expect(await report.locator('.report-gaps tbody tr').count()).toBe(Math.min(10, gaps.length));
    expect(await report.locator('.report-gaps tbody tr').first().getAttribute('data-gap-id')).toBe(
      gaps[0].id,
    );
    await report.setViewportSize({ width: 1024, height: 1400 });
    await report.screenshot({ path: path.join(SCREENSHOTS, 'planner-report.png'), fullPage: true });
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('#print').isHidden()).toBe(true);
    await report.screenshot({ path: path.join(SCREENSHOTS, 'planner-report-print.png'), fullPage: true });
    expect(reportErrors).toEqual([]);
    await report.close();

    // English.
    await page.click('#lang-toggle');
    expect(await page.locator('#scorecard-heading').textContent()).toBe('Scorecard: 上城区');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await ready(page);
    await d.screenshot('planner-english');
  });

  it('works by keyboard and on a 375 px phone', async () => {
    const d = await open(
      { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      stage.plannerToken,
    );
    const page = d.page;
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
    let onGap = false;
    for (let presses = 0; presses < 120 && !onGap; presses++) {
      await page.keyboard.press('Tab');
      onGap = (await focused(page)).className === 'gap-item';
    }
    expect(onGap).toBe(true);
    const id = (await focused(page)).gapId;
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await focused(page)).id, { timeout: E2E_WAIT_MS })
      .toBe('gap-card-heading');
    expect(await page.locator('#gap-card').getAttribute('data-gap-id')).toBe(id);
    await ready(page);
    await d.screenshot('planner-phone-375');
    // A layer switch redraws the legend it sits in; the keyboard stays on it.
    await page.focus('#layer-serviceAreas');
    await page.keyboard.press('Space');
    expect(await page.locator('#layer-serviceAreas').isChecked()).toBe(false);
    expect((await focused(page)).id).toBe('layer-serviceAreas');
    await page.locator(`#gap-item-1`).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await focused(page)).id, { timeout: E2E_WAIT_MS })
      .toBe('gap-card-heading');
    await page.keyboard.press('Escape');
    expect(await page.locator('#gap-card').isHidden()).toBe(true);
    expect((await focused(page)).id).toBe('gap-item-1');
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it(
    'planner journey: sign in → scenario → place a facility in the largest gap → numbers change → suggest sites → ranked markers',
    async () => {
      const d = await open({}, stage.plannerToken);
      const page = d.page;
      const wait = { timeout: E2E_WAIT_MS };
      await page.click('#scenario-new');
      await page.locator('#scenario-name').waitFor(wait);
      // The largest real gap, centred on the map by the list; the facility goes where the map's centre is.
      await page.click('#gap-item-1');
      await page.click('#gap-card-close');
      await page.click('#scenario-place');
      await page.locator('#map canvas').click();
      await page.locator('#scenario-newly').waitFor(wait);
      await ready(page);
      await page.screenshot({ path: '/tmp/planner-scenario.png' });
      const { scenarios } = await api<{ scenarios: { id: string; changes: { kind: string }[] }[] }>(
        `{ scenarios { id changes { kind } } }`,
        {},
        stage.plannerToken,
      );
      expect(scenarios[0].changes.map((change) => change.kind)).toEqual(['ADD']);
      const { coverage } = await api<{
        coverage: {
          comparison: { newlyCovered: { age60plus: number }; coveredInScenario: { age60plus: number } }[];
        };
      }>(operation('Coverage'), { ...DEFAULT_SETTINGS, scenario: scenarios[0].id }, stage.plannerToken);
      const newly = coverage.comparison[0].newlyCovered.age60plus;
      expect(newly).toBeGreaterThan(0);
      // The page shows exactly what the API reports for that scenario.
      expect(await page.locator('#scenario-newly').getAttribute('data-count')).toBe(String(newly));
      expect(await page.locator('#scenario-covered').textContent()).toContain(
        count(coverage.comparison[0].coveredInScenario.age60plus),
      );
      expect(await page.locator('.scenario-marker').count()).toBe(1);

      await page.click('#suggest-sites');
      await expect.poll(() => page.locator('.suggested-marker').count(), wait).toBe(3);
      expect(await page.locator('#suggested-sites li').count()).toBe(3);
      expect(
        await page.locator('.suggested-marker').evaluateAll((markers) => markers.map((m) => m.textContent)),
      ).toEqual(['1', '2', '3']);
      await page.screenshot({ path: '/tmp/planner-suggest.png' });
    },
    15 * E2E_WAIT_MS,
  );

  it(
    'need-weighted coverage: the planner weighs 失能, sees each street and community as the API counts it, marked sample; by car no fewer within reach',
    async () => {
      // The demo with the needs-assessment sample imported, as an administrator would.
      await importNeedFile(stage.db, path.resolve('data/need/need-sample.csv'));
      const d = await open({ viewport: { width: 1280, height: 900 } });
      const page = d.page;
      const wait = { timeout: 3 * E2E_WAIT_MS };
      await page.fill('#token-input', stage.plannerToken);
      await page.click('#sign-in-submit');
      await expect
        .poll(() => page.locator('#signed-in').textContent(), { timeout: E2E_WAIT_MS })
        .toContain('规划人员 PLANNER');
      await ready(page);
      // Before a choice the section says what it will do, and asks nothing of the API.
      expect(await page.locator('#need').getAttribute('data-state')).toBe('idle');

      const section = page.locator('#need');
      /** By car, the limit whose service areas are stored (the 20-minute 医养 circle). */
      const DRIVE_MINUTES = 20;
      const question = {
        regionCode: REGION,
        types: DEFAULT_SETTINGS.types,
        minutes: DEFAULT_SETTINGS.minutes,
        weight: 'DISABLED',
      };
      /** What the section shows, row by row. */
      const shown = () =>
        section.locator('tbody tr').evaluateAll((rows) =>
          rows.map((row) => ({
            regionCode: row.getAttribute('data-region'),
            name: row.querySelector('th')?.textContent ?? '',
            people: row.querySelector('.people')?.textContent ?? '',
            within: row.querySelector('.within')?.textContent ?? '',
            percent: row.querySelector('.percent')?.textContent ?? '',
            shareFrom: row.querySelector('.share-from')?.textContent ?? '',
          })),
        );
      const expected = (report: NeedCoverageReport) =>
        report.areas.map((area) => ({
          regionCode: area.regionCode,
          name: `${area.name}${area.isSample ? ' 示例数据' : ''}${area.includedIn ? '已计入清波街道，不重复合计' : ''}`,
          people: count(area.people),
          within: area.withinReach === null ? '—' : count(area.withinReach),
          percent:
            area.withinReachPercent === null ? '—' : `${formatNumber(area.withinReachPercent, 'zh', 1)}%`,
          shareFrom:
            area.shareFrom === area.regionCode
              ? '本区域'
              : `取自上级区域：${area.shareFrom === REGION ? '上城区' : area.shareFrom}`,
        }));

      await page.selectOption('#need-weight', { label: '失能' });
      await section.locator('.need-table').waitFor(wait);
      expect(await section.getAttribute('data-state')).toBe('ready');
      const { needCoverage: onFoot } = await api<{ needCoverage: NeedCoverageReport }>(
        operation('NeedCoverage'),
        { ...question, mode: 'WALK', speedMetersPerMinute: DEFAULT_SETTINGS.speedMetersPerMinute },
        stage.plannerToken,
      );
      // The sample's real streets and community, each with the API's numbers; their share is 上城区's.
      expect(onFoot.areas.map((area) => area.name)).toEqual(['清波街道', '清波门社区', '湖滨街道']);
      expect(onFoot.areas.every((area) => area.shareFrom === REGION)).toBe(true);
      // 清波门社区 is in 清波街道's figures: shown, not added again.
      expect(onFoot.areas.map((area) => area.includedIn)).toEqual([null, '330102001', null]);
      expect(onFoot.people).toBe(onFoot.areas[0].people + onFoot.areas[2].people);
      expect(onFoot.withinReach).toBeGreaterThan(0);
      expect(await shown()).toEqual(expected(onFoot));
      expect(await section.locator('tfoot .within').textContent()).toBe(count(onFoot.withinReach));
      expect(onFoot.isSample).toBe(true);
      expect(await section.locator('#need-sample').textContent()).toContain('示例数据');
      expect(new URL(page.url()).searchParams.get('need')).toBe('DISABLED');
      await section.scrollIntoViewIfNeeded();
      await d.screenshot('planner-need');
      // The section passes axe-core: no serious or critical violation (labels, table headers, contrast).
      await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
      const violations = await page.evaluate<{ id: string; nodes: string[] }[]>(`
        axe.run(document.getElementById('need')).then((result) => result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
      expect(violations).toEqual([]);

      // By car: the walking speed no longer applies, and no street or community has fewer within reach.
      expect(await page.locator('#speed-field').isVisible()).toBe(true);
      await page.selectOption('#mode', { label: '驾车' });
      expect(await page.locator('#speed-field').isHidden()).toBe(true);
      expect(await page.locator('#speed-walk-only').isVisible()).toBe(true);
      // The 20-minute drive (the 医养 circle), whose service areas are stored: other limits by car are drawn on
      // demand, which on the embedded database beside another test file can outlast the compute budget.
      await page.fill('#minutes', String(DRIVE_MINUTES));
      await page.dispatchEvent('#minutes', 'change');
      await page.locator('#settings').scrollIntoViewIfNeeded();
      await d.screenshot('planner-mode');
      await page.click('#run');
      await ready(page, 120_000);
      await expect.poll(() => section.getAttribute('data-state'), wait).toBe('ready');
      expect(new URL(page.url()).searchParams.get('mode')).toBe('DRIVE');
      const { needCoverage: byCar } = await api<{ needCoverage: NeedCoverageReport }>(
        operation('NeedCoverage'),
        { ...question, mode: 'DRIVE', minutes: DRIVE_MINUTES },
        stage.plannerToken,
      );
      expect(byCar.mode).toBe('DRIVE');
      expect(await shown()).toEqual(expected(byCar));
      byCar.areas.forEach((area, i) =>
        expect(area.withinReach!, area.name).toBeGreaterThanOrEqual(onFoot.areas[i].withinReach!),
      );
      expect(byCar.withinReach).toBeGreaterThanOrEqual(onFoot.withinReach);
      const typeNames = DEFAULT_SETTINGS.types.map((type) => messagesFor('zh').types[type]).join('、');
      expect(await section.locator('#need-question').textContent()).toBe(
        `失能老人中，驾车 ${DRIVE_MINUTES} 分钟内可达${typeNames}的人数`,
      );
      await section.scrollIntoViewIfNeeded();
      await d.screenshot('planner-need-drive');

      // Another district of the city, where nobody has imported needs data yet: it says so, no table of zeros.
      const other = await page
        .locator('#region option')
        .evaluateAll(
          (options, region) => options.map((o) => o.getAttribute('value')).find((v) => v !== region),
          REGION,
        );
      const { needs } = await api<{ needs: unknown[] }>(
        `query($code: String!) { needs(regionCode: $code) { regionCode } }`,
        { code: other },
        stage.plannerToken,
      );
      expect(needs).toEqual([]);
      await page.selectOption('#region', other!);
      await ready(page, 120_000); // still by car, 20 minutes
      await expect.poll(() => section.getAttribute('data-state'), wait).toBe('ready');
      expect(await section.locator('#need-status').textContent()).toBe(
        '本区域尚无需求评估数据，可由管理员导入。',
      );
      expect(await section.locator('.need-table').count()).toBe(0);
      // … and in English.
      await page.click('#lang-toggle');
      expect(await section.locator('#need-heading').textContent()).toBe('Need-weighted coverage');
      expect(await section.locator('#need-status').textContent()).toBe(
        'No needs-assessment data for this region yet; an administrator can import it.',
      );
      await section.scrollIntoViewIfNeeded();
      await d.screenshot('planner-need-empty-english');
    },
    30 * E2E_WAIT_MS,
  );
});

/** The element that has the keyboard focus. */
function focused(page: Page): Promise<{ id: string; className: string; gapId: string | null }> {
  return page.locator('html').evaluate((html) => {
    const element = html.ownerDocument.activeElement;
    return {
      id: element?.id ?? '',
      className: element?.className ?? '',
      gapId: element?.getAttribute('data-gap-id') ?? null,
    };
  });
}

/** The gap card shows the gap's 60+/65+/80+ and, per missing type, the nearest facility and its walk. */
async function expectGapCard(page: Page, gap: Gap) {
  const card = page.locator('#gap-card');
  expect(await card.locator('#gap-card-heading').textContent()).toBe('缺口 #1');
  for (const age of ['age60plus', 'age65plus', 'age80plus'] as const) {
    expect(await card.locator(`dd[data-age="${age}"]`).textContent()).toBe(
      `${count(gap.elderly[age])}示例数据`,
    );
  }
  for (const missing of gap.missing) {
    const item = card.locator(`li[data-type="${missing.type}"]`);
    const nearest = (await item.locator('.nearest').textContent()) ?? '';
    if (missing.nearestFacility) {
      expect(nearest).toContain(missing.nearestFacility.name);
      expect(nearest).toContain(`步行 ${formatNumber(missing.travelMinutes!, 'zh', 1)} 分钟`);
    } else {
      expect(nearest).toBe('路网上没有可达的此类设施');
    }
    expect(await item.textContent()).toContain(
      `${count(missing.elderly.age60plus)} 位 60 岁以上老人缺少此类`,
    );
  }
}
