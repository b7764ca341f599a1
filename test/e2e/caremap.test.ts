import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { CareMapDriver } from './driver';
import { browserAvailable, E2E_WAIT_MS, startStage, type Stage } from './harness';

const require = createRequire(import.meta.url);
const HOSPITAL = '浙江省人民医院';
/** Next to 浙江省人民医院, on the street network of the demo. */
const ON_STREETS = { lng: 120.1631, lat: 30.2873 };
/** In West Lake: more than 300 m from every street, so only a straight-line estimate is possible. */
const IN_WEST_LAKE = { lng: 120.145, lat: 30.245 };

const isSorted = (values: number[]) => values.every((value, i) => i === 0 || values[i - 1] <= value);
/** The minutes of "步行 7 分钟" at the start of a list entry's description. */
const shownMinutes = (meta: string) => Number(/^步行 ([0-9]+) 分钟/.exec(meta)?.[1]);

describe.skipIf(!browserAvailable())('the public map in Chromium', () => {
  let stage: Stage;
  let driver: CareMapDriver;
  const outside: string[] = [];
  const tilePaths: string[] = [];

  beforeAll(async () => {
    stage = await startStage();
  });

  afterEach(async () => {
    if (!driver) return;
    outside.push(...driver.outsideRequests);
    tilePaths.push(...driver.localRequests.filter((p) => p.startsWith('/tiles/')));
    expect(driver.errors).toEqual([]);
    await driver.close();
  });

  afterAll(async () => {
    await stage?.close();
  });

  const open = async (query = '', options = {}) => {
    driver = await CareMapDriver.open(stage.browser, stage.url, options);
    await driver.visit(query);
    return driver;
  };

  it('finds 浙江省人民医院 by its Chinese name and shows all its details', async () => {
    const d = await open();
    await d.search(HOSPITAL);
    expect((await d.placeNames())[0]).toBe(HOSPITAL);
    await d.choosePlace(HOSPITAL);
    const details = await d.details();
    expect(details.name).toBe(HOSPITAL);
    // Beds, vacancy and fees do not apply to a hospital: those rows are left out.
    expect(Object.keys(details.facts)).not.toContain('空余床位');
    expect(Object.keys(details.facts)).not.toContain('医院等级');
    for (const term of ['地址', '电话', '签约医疗机构 / 合作机构', '康养联合体', '数据来源']) {
      expect(Object.keys(details.facts)).toContain(term);
    }
    expect(details.facts['数据来源']).toMatch(/OpenStreetMap/);
    expect(new URL(d.page.url()).searchParams.get('facility')).toMatch(/^[0-9]+$/);
    await d.screenshot('search-and-details');
  });

  it.each(['zhejiangshengrenminyiyuan', 'zjsrmyy'])('finds it by pinyin (%s)', async (pinyin) => {
    const d = await open();
    await d.search(pinyin);
    expect((await d.placeNames())[0]).toBe(HOSPITAL);
    await d.screenshot(`pinyin-${pinyin}`);
  });

  it('shows vacancy with its time, partners and the sample mark for a sample care home', async () => {
    const d = await open('?vacancy=1&types=NURSING_HOME');
    const [first] = await d.resultNames();
    await d.openResult(first);
    const details = await d.details();
    // A vacancy older than a week carries its age (the demo's sample vacancies date from October 2026).
    expect(details.facts['空余床位']).toMatch(
      /^[1-9][0-9]* \(更新于 .+\)( ⚠ [0-9]+ 天前更新，可能已有变化)?$/,
    );
    expect(details.text).toContain('示例数据');
    expect(details.facts['签约医疗机构 / 合作机构']).not.toBe('');
    await d.screenshot('sample-details');
  });

  it('filters to one type: only that type on the map and in the list', async () => {
    const d = await open();
    expect((await d.mapTypes()).length).toBeGreaterThan(1);
    await d.toggleType('HOSPITAL');
    await d.expectMapTypes(['HOSPITAL']);
    const types = await d.resultTypes();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['HOSPITAL']));
    expect(d.page.url()).toContain('types=HOSPITAL');
    await d.screenshot('filter-hospitals');
  });

  it('restores the same view from a shared URL', async () => {
    const d = await open();
    await d.toggleType('NURSING_HOME');
    await d.page.locator('#has-vacancy').click();
    await d.settle();
    const [first] = await d.resultNames();
    await d.openResult(first);
    await d.settle();
    const shared = d.page.url();
    const before = { map: d.mapParam(), list: await d.resultNames(), details: await d.details() };
    await d.close();

    const again = await open(new URL(shared).search);
    await again.page.locator('#details-heading').waitFor();
    expect(again.mapParam()).toBe(before.map);
    expect((await again.details()).name).toBe(before.details.name);
    expect(await again.page.locator('#type-NURSING_HOME').isChecked()).toBe(true);
    expect(await again.page.locator('#has-vacancy').isChecked()).toBe(true);
    await again.expectMapTypes(['NURSING_HOME']);
    await again.page.locator('.back').click();
    await again.settle();
    expect(await again.resultNames()).toEqual(before.list);
    await again.screenshot('shared-url');
  });

  it('switches to English and to elder mode', async () => {
    const d = await open();
    await d.page.locator('#lang-toggle').click();
    await expect
      .poll(() => d.page.locator('.app-title').textContent(), { timeout: E2E_WAIT_MS })
      .toBe('CareMap');
    expect(await d.page.getAttribute('html', 'lang')).toBe('en');
    await d.openFilters();
    expect(await d.page.locator('label[for="type-HOSPITAL"]').textContent()).toContain('Hospital');
    await d.page.locator('#elder-toggle').click();
    expect(await d.page.getAttribute('html', 'data-ui-style')).toBe('elder');
    expect(await d.page.locator('#elder-toggle').getAttribute('aria-pressed')).toBe('true');
    const rootFontSize = await d.page
      .locator('html')
      .evaluate((html) => parseFloat(html.ownerDocument.defaultView!.getComputedStyle(html).fontSize));
    expect(rootFontSize).toBeGreaterThanOrEqual(20);
    expect((await d.page.locator('.search-row button').boundingBox())!.height).toBeGreaterThanOrEqual(56);
    const url = new URL(d.page.url());
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('uiStyle')).toBe('elder');
    await d.settle();
    await d.screenshot('english-elder');
  });

  it('opens in elder mode from 浙里办’s uiStyle=elder', async () => {
    const d = await open('?uiStyle=elder');
    expect(await d.page.getAttribute('html', 'data-ui-style')).toBe('elder');
    await d.screenshot('elder');
  });

  it('works on a 375 px phone screen', async () => {
    const d = await open('', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    expect(await d.page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
    const map = (await d.page.locator('#map').boundingBox())!;
    const panel = (await d.page.locator('#panel').boundingBox())!;
    expect(map.width).toBe(375);
    expect(map.height).toBeGreaterThan(300);
    expect(panel.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    await d.screenshot('phone-375');
    await d.search(HOSPITAL);
    await d.choosePlace(HOSPITAL);
    expect((await d.details()).name).toBe(HOSPITAL);
    await d.screenshot('phone-375-details');
  });

  it('can be used with the keyboard alone, the list being the map’s equivalent', async () => {
    const d = await open();
    await d.page.focus('#search-text');
    await d.page.keyboard.type('zjsrmyy');
    await d.page.keyboard.press('Enter');
    await d.page.locator('button.place').first().waitFor();
    await d.settle();
    const result = d.page.locator('#search-panel button.result').first();
    await result.focus();
    await d.page.keyboard.press('Enter');
    await d.page.locator('#details-heading').waitFor();
    const focused = (selector: string) =>
      d.page
        .locator(selector)
        .first()
        .evaluate((el) => el === el.ownerDocument.activeElement);
    expect(await focused('#details-heading')).toBe(true);
    await d.page.keyboard.press('Escape');
    // The list may be redrawn as the map settles; the focus stays on the entry.
    await expect.poll(() => focused('.result'), { timeout: E2E_WAIT_MS }).toBe(true);
    expect(await d.page.locator('#map').getAttribute('aria-label')).toBe('康养资源地图');
    expect(await d.page.locator('#map-status').textContent()).toMatch(/地图上显示/);
    await d.screenshot('keyboard');
  });

  it('lists facilities near the browser’s location, nearest first', async () => {
    const d = await open('', {
      geolocation: { latitude: 30.2873, longitude: 120.1631 },
      permissions: ['geolocation'],
    });
    await d.page.getByRole('button', { name: '使用我的位置' }).click();
    await d.page.waitForURL((url) => url.searchParams.has('near'));
    await d.settle();
    const distances = await d.page
      .locator('.result-meta')
      .allTextContents()
      .then((metas) =>
        metas
          .map((m) => /距离 ([0-9.]+) (米|公里)/.exec(m))
          .map((m) => Number(m![1]) * (m![2] === '公里' ? 1000 : 1)),
      );
    expect(distances.length).toBeGreaterThan(0);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances.every((m) => m <= 1000)).toBe(true);
    await d.screenshot('near-my-location');
  });

  it('picks a point on the map for a near search', async () => {
    const d = await open();
    await d.page.getByRole('button', { name: '在地图上选点' }).click();
    const box = (await d.page.locator('#map').boundingBox())!;
    await d.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await d.page.waitForURL((url) => url.searchParams.has('near'));
    await d.settle();
    expect(await d.page.locator('.near-status').textContent()).toMatch(/由近到远/);
    await d.screenshot('near-picked-point');
    // The near search's point can become the start of a 15-minute circle.
    const near = new URL(d.page.url()).searchParams.get('near')!.split(',');
    await d.page.getByRole('button', { name: '看此处的步行15分钟服务圈' }).click();
    await d.page.waitForURL((url) => url.searchParams.has('circle') && !url.searchParams.has('near'));
    expect(new URL(d.page.url()).searchParams.get('circle')).toBe(`${near[0]},${near[1]}`);
    await d.settle();
    await expect.poll(async () => (await d.mapStatus()).circle, { timeout: E2E_WAIT_MS }).toBe('5,10,15');
  });

  it('draws the 5-, 10- and 15-minute circles around a clicked point and lists what is reachable, soonest first', async () => {
    const d = await open(`?map=15/${ON_STREETS.lat}/${ON_STREETS.lng}`);
    await d.page.getByRole('button', { name: '查看15分钟服务圈' }).click();
    expect(await d.page.locator('#circle-heading').textContent()).toBe('15分钟康养服务圈');
    expect(await d.page.locator('#circle-pick').getAttribute('aria-pressed')).toBe('true');
    await d.clickMapCenter();
    await d.page.waitForURL((url) => url.searchParams.has('circle'));
    await d.settle();
    await expect.poll(async () => (await d.mapStatus()).circle, { timeout: 15_000 }).toBe('5,10,15');
    expect(await d.page.locator('.circle-legend li').allTextContents()).toEqual([
      expect.stringMatching(/^步行 5 分钟约 [0-9.]+ 平方公里$/),
      expect.stringMatching(/^步行 10 分钟约 [0-9.]+ 平方公里$/),
      expect.stringMatching(/^步行 15 分钟约 [0-9.]+ 平方公里$/),
    ]);
    expect(await d.page.locator('.circle-note').getAttribute('data-method')).toBe('NETWORK');
    expect(await d.page.locator('.circle-note').textContent()).toContain('沿道路和步行道');
    const list = await d.circleList();
    expect(list.length).toBeGreaterThan(3);
    expect(isSorted(list.map((item) => item.travelMinutes))).toBe(true);
    expect(list.every((item) => item.travelMinutes <= 15)).toBe(true);
    expect(isSorted(list.map((item) => shownMinutes(item.meta)))).toBe(true);
    expect(list.every((item) => shownMinutes(item.meta) <= 15)).toBe(true);
    expect(await d.page.locator('.circle-status').textContent()).toMatch(
      /^步行15分钟内可到达 [0-9]+ 个设施$/,
    );
    expect(await d.page.locator('#circle-panel .tag-sample').count()).toBeGreaterThan(0);
    await d.screenshot('circle-15-minutes');

    // Older people walk slower: the areas shrink and no more facilities are within 15 minutes.
    const area15 = async () =>
      Number(/约 ([0-9.]+)/.exec((await d.page.locator('.circle-legend li').nth(2).textContent())!)![1]);
    const before = { area: await area15(), count: list.length };
    await d.page.selectOption('#circle-speed', '45');
    await d.page.waitForURL((url) => url.searchParams.get('speed') === '45');
    await d.settle();
    await expect.poll(area15, { timeout: E2E_WAIT_MS }).toBeLessThan(before.area);
    const slow = await d.circleList();
    expect(slow.length).toBeLessThanOrEqual(before.count);
    expect(isSorted(slow.map((item) => item.travelMinutes))).toBe(true);
    await d.screenshot('circle-slow-walk');
  });

  it('says plainly when the circle is only a straight-line estimate (a point in West Lake)', async () => {
    const d = await open(`?map=14/${IN_WEST_LAKE.lat}/${IN_WEST_LAKE.lng}`);
    await d.page.locator('#circle-open').click();
    await d.clickMapCenter();
    await d.page.waitForURL((url) => url.searchParams.has('circle'));
    await d.settle();
    await expect.poll(async () => (await d.mapStatus()).circle, { timeout: 15_000 }).toBe('5,10,15');
    const note = d.page.locator('.circle-note');
    expect(await note.getAttribute('data-method')).toBe('RADIUS');
    expect(await note.getAttribute('role')).toBe('note');
    expect(await note.textContent()).toMatch(/直线距离估算.*300米内没有道路/);
    expect(await d.page.locator('#circle-panel').textContent()).not.toContain('沿道路和步行道');
    await d.screenshot('circle-west-lake');
  });

  it('restores the circle and the walking speed from a shared URL', async () => {
    const d = await open(`?circle=${ON_STREETS.lng},${ON_STREETS.lat}&speed=45`);
    await d.page.locator('#circle-panel li.reachable').first().waitFor();
    expect(await d.page.locator('#search-panel').isHidden()).toBe(true);
    expect(await d.page.locator('#circle-speed').inputValue()).toBe('45');
    await expect.poll(async () => (await d.mapStatus()).circle, { timeout: E2E_WAIT_MS }).toBe('5,10,15');
    await d.page.locator('#circle-close').click();
    expect(new URL(d.page.url()).searchParams.has('circle')).toBe(false);
    expect(await d.page.locator('#circle-open').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(
      true,
    );
    await expect.poll(async () => (await d.mapStatus()).circle, { timeout: E2E_WAIT_MS }).toBe('');
  });

  it('starts the circle from a facility’s details and walks its list with the keyboard alone', async () => {
    const d = await open();
    await d.page.focus('#search-text');
    await d.page.keyboard.type('zjsrmyy');
    await d.page.keyboard.press('Enter');
    await d.page.locator('button.place').first().focus();
    await d.page.keyboard.press('Enter');
    await d.page.locator('#details-heading').waitFor();
    await d.page.keyboard.press('Tab');
    expect(await d.page.locator(':focus').getAttribute('id')).toBe('circle-from-facility');
    await d.page.keyboard.press('Enter');
    await d.page.locator('#circle-panel li.reachable').first().waitFor();
    await d.settle();
    expect(await d.page.locator(':focus').getAttribute('id')).toBe('circle-heading');
    const first = await d.circleList();
    expect(first[0].meta).toMatch(/^步行 [12] 分钟 · 医院/);
    // Finding the hospital was no filter: everything reachable is listed.
    expect(first.length).toBeGreaterThan(3);
    await d.settle();
    const item = d.page.locator('#circle-panel button.result').nth(1);
    await item.focus();
    await d.page.keyboard.press('Enter');
    await d.page.locator('#details-heading').waitFor();
    await d.page.keyboard.press('Escape');
    await expect
      .poll(() => item.evaluate((el) => el === el.ownerDocument.activeElement), { timeout: E2E_WAIT_MS })
      .toBe(true);
    await d.screenshot('circle-keyboard');
  });

  it('shows every facility’s walking area as a layer that toggles', async () => {
    const d = await open(`?map=14/30.28/120.165`);
    await d.page.getByLabel('显示各设施的步行服务范围').check();
    await d.page.waitForURL((url) => url.searchParams.get('areas') === '15');
    await d.settle();
    await expect
      .poll(async () => Number((await d.mapStatus()).serviceAreas), { timeout: 15_000 })
      .toBeGreaterThan(5);
    expect(d.localRequests.some((p) => p.startsWith('/tiles/service_areas/'))).toBe(true);
    expect(await d.page.locator('#service-areas-note').textContent()).toContain('示例数据');
    await d.screenshot('service-areas-15');
    await d.page.selectOption('#service-area-minutes', '5');
    await d.page.waitForURL((url) => url.searchParams.get('areas') === '5');
    await d.settle();
    await d.page.getByLabel('显示各设施的步行服务范围').uncheck();
    await d.page.waitForURL((url) => !url.searchParams.has('areas'));
    await d.settle();
    await expect.poll(async () => (await d.mapStatus()).serviceAreas, { timeout: E2E_WAIT_MS }).toBe('0');
  });

  it('updates a facility’s vacancy badge, list entry and details live, without a reload', async () => {
    const facilityQuery = `{ facilities(filter: { types: [NURSING_HOME], hasVacancy: true }, first: 1) {
      edges { node { id name version vacantBeds totalBeds location } } } }`;
    const graphql = async (query: string, variables = {}, headers: Record<string, string> = {}) =>
      (await (
        await fetch(`${stage.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data: Record<string, never>; errors?: unknown[] };
    const { node: home } = (
      (await graphql(facilityQuery)).data.facilities as {
        edges: {
          node: {
            id: string;
            version: number;
            vacantBeds: number;
            totalBeds: number;
            location: { coordinates: number[] };
          };
        }[];
      }
    ).edges[0];
    const [lng, lat] = home.location.coordinates;
    const more = Math.min(home.totalBeds, home.vacantBeds + 10);
    const newBeds = more > home.vacantBeds ? more : home.vacantBeds - 1;
    const d = await open(`?map=16/${lat}/${lng}&facility=${home.id}`);
    await d.page.locator('#details-heading').waitFor();
    await expect
      .poll(async () => (await d.drawnVacancies())[home.id], { timeout: E2E_WAIT_MS })
      .toBe(home.vacantBeds);
    await expect
      .poll(() => d.page.locator('#live-status').getAttribute('data-state'), { timeout: E2E_WAIT_MS })
      .toBe('live');
    // The subscription for the view goes out once the map has been still for a moment.
    await d.page.waitForTimeout(1_500);
    await d.page.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    const loadsBefore = d.localRequests.filter((p) => p === '/').length;

    const { token } = await new TokenService(stage.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'JWT',
      role: 'ADMIN',
      subject: 'e2e',
    });
    const update = await graphql(
      'mutation ($id: ID!, $beds: Int!, $version: Int!) { updateVacancy(facilityId: $id, vacantBeds: $beds, expectedVersion: $version) { vacantBeds } }',
      { id: home.id, beds: newBeds, version: home.version },
      { authorization: `Bearer ${token}` },
    );
    expect(update.errors).toBeUndefined();

    await expect
      .poll(async () => (await d.details()).facts['空余床位'], { timeout: 10_000 })
      .toMatch(new RegExp(`^${newBeds} \\(更新于 .+\\)$`));
    await expect.poll(async () => (await d.drawnVacancies())[home.id], { timeout: 10_000 }).toBe(newBeds);
    expect(await d.page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(d.localRequests.filter((p) => p === '/').length).toBe(loadsBefore);
    await d.screenshot('live-vacancy');
    await d.page.locator('.back').click();
    expect(
      await d.page.locator(`#search-panel button.result[data-id="${home.id}"] .result-meta`).textContent(),
    ).toContain(`空余床位 ${newBeds} 张`);
    expect(d.webSockets).toContain('/graphql');
  });

  it('the daughter’s journey: from 浙江省人民医院 to a home with a vacant bed under 5,000 for 失能 within 15 minutes, and the walk there', async () => {
    const d = await open();
    await d.journeyShot('daughter-0-first-screen');
    // Search, then pick the hospital (no filter: the map and lists keep everything).
    await d.search(HOSPITAL);
    await d.journeyShot('daughter-1-places');
    await d.choosePlace(HOSPITAL);
    // Within 15 minutes of it: the start is named and drawn.
    await d.page.locator('#circle-from-facility').click();
    await d.page.locator('#circle-panel li.reachable').first().waitFor({ timeout: E2E_WAIT_MS });
    expect(await d.page.locator('#circle-start').textContent()).toBe(`从「${HOSPITAL}」出发`);
    await expect.poll(async () => (await d.mapStatus()).circle, { timeout: E2E_WAIT_MS }).toBe('5,10,15');
    // Nursing homes with a vacant bed whose 失能 total is at most 5,000, in the circle's own filters.
    await d.toggleType('NURSING_HOME', 'circle-');
    await d.page.locator('#circle-has-vacancy').click();
    await d.page.selectOption('#circle-care-level', 'DISABLED');
    await d.page.selectOption('#circle-max-fee', '5000');
    await d.page.waitForURL(
      (url) => url.searchParams.get('level') === 'DISABLED' && url.searchParams.get('fee') === '5000',
    );
    await d.settle();
    await expect
      .poll(async () => (await d.circleList()).every((item) => item.meta.includes('失能')), {
        timeout: E2E_WAIT_MS,
      })
      .toBe(true);
    const list = await d.circleList();
    expect(list.length).toBeGreaterThan(0);
    expect(isSorted(list.map((item) => item.travelMinutes))).toBe(true);
    for (const item of list) {
      expect(item.travelMinutes).toBeLessThanOrEqual(15);
      expect(item.meta).toMatch(/养老机构 · 空余床位 [1-9][0-9]* 张/);
      const price = Number(/失能 ([0-9]+) 元\/月/.exec(item.meta)?.[1]);
      expect(price).toBeLessThanOrEqual(5000);
    }
    // Nothing is left out silently: the count covers the whole list.
    expect(await d.page.locator('#circle-count').textContent()).toBe(`共 ${list.length} 个设施`);
    await d.journeyShot('daughter-2-reachable-homes');
    // Open the nearest and draw the walk: the same minutes as the list.
    await d.page.locator('#circle-panel button.result').first().click();
    await d.page.locator('#details-heading').waitFor();
    const disabledTotal = Number(
      await d.page.locator('.fee-table tr[data-level="DISABLED"] .fee-total').textContent(),
    );
    expect(disabledTotal).toBeLessThanOrEqual(5000);
    await d.page.locator('#route-button').click();
    const minutes = d.page.locator('.route-minutes');
    await minutes.waitFor({ timeout: E2E_WAIT_MS });
    expect(Math.abs(Number(await minutes.getAttribute('data-minutes')) - list[0].travelMinutes)).toBeLessThan(
      0.01,
    );
    expect(await minutes.textContent()).toContain(`步行约 ${Math.ceil(list[0].travelMinutes)} 分钟`);
    expect(await d.page.locator('#route-summary a').first().getAttribute('href')).toMatch(
      /^https:\/\/uri\.amap\.com\//,
    );
    await d.settle();
    await d.journeyShot('daughter-3-route');
    // The browser's Back returns to the list, not out of the app.
    await d.page.goBack();
    await d.page.locator('#circle-panel li.reachable').first().waitFor({ timeout: E2E_WAIT_MS });
    expect(await d.page.locator('#details-panel').isHidden()).toBe(true);
    expect(new URL(d.page.url()).searchParams.has('circle')).toBe(true);
  }, 300_000);

  it('says plainly when a shared facility id does not exist', async () => {
    driver = await CareMapDriver.open(stage.browser, stage.url);
    await driver.page.goto(`${stage.url}/?facility=999999`);
    // The message first says 正在加载…; wait for the answer itself.
    const message = driver.page.locator('#details-message', { hasText: '未找到该设施' });
    await message.waitFor({ timeout: E2E_WAIT_MS });
    expect(await message.getAttribute('role')).toBe('alert');
  });

  it('← 返回列表 brings back the view the list had', async () => {
    const d = await open('?types=NURSING_HOME');
    await d.waitForList();
    const before = { map: d.mapParam(), count: await d.page.locator('.results-status').textContent() };
    const [first] = await d.resultNames();
    await d.openResult(first);
    await d.settle();
    await d.page.locator('.back').click();
    await d.settle();
    expect(d.mapParam()).toBe(before.map);
    expect(await d.page.locator('.results-status').textContent()).toBe(before.count);
  });

  it('an older person on a 375 px phone in elder mode: a street → the nearest meal point → its call link', async () => {
    const d = await open('?uiStyle=elder', {
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const noSideScroll = () =>
      d.page
        .locator('html')
        .evaluate((html) => html.scrollWidth <= html.ownerDocument.defaultView!.innerWidth);
    expect(await noSideScroll()).toBe(true);
    // The header stays on one line.
    const header = await d.page
      .locator('.topbar > *, .topbar-actions > *:visible')
      .evaluateAll((els) =>
        els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })),
      );
    const topbar = (await d.page.locator('.topbar').boundingBox())!;
    expect(topbar.height).toBeLessThan(80);
    for (const box of header) expect(box.bottom - box.top).toBeLessThanOrEqual(topbar.height);
    expect(await d.page.locator('#hotline').getAttribute('href')).toBe('tel:12349');
    await d.journeyShot('elder-0-phone');
    await d.search('中山中路');
    await d.choosePlace('中山中路');
    expect(await d.page.locator('#circle-start').textContent()).toBe('从「中山中路」出发');
    await d.page.locator('#circle-panel li.reachable, #circle-panel .circle-status').first().waitFor();
    await d.toggleType('MEAL_POINT', 'circle-');
    await d.settle();
    await expect
      .poll(
        async () =>
          (await d.circleList()).length > 0 &&
          (await d.circleList()).every((i) => i.meta.includes('老年食堂')),
        {
          timeout: E2E_WAIT_MS,
        },
      )
      .toBe(true);
    const [nearest] = await d.circleList();
    await d.journeyShot('elder-1-meal-points');
    await d.page.locator(`#circle-panel button.result[data-id="${nearest.id}"]`).click();
    await d.page.locator('#details-heading').waitFor();
    const call = d.page.locator('#details-panel a.call');
    expect(await call.getAttribute('href')).toMatch(/^tel:/);
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect(await noSideScroll()).toBe(true);
    // No text under 18 px anywhere in the header and the panel.
    const small = await d.page.locator('body').evaluate((body) => {
      const view = body.ownerDocument.defaultView!;
      const out: string[] = [];
      for (const el of body.querySelectorAll('header *, #panel *')) {
        const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        const box = el.getBoundingClientRect();
        if (!hasText || box.width === 0 || box.height === 0) continue;
        const size = parseFloat(view.getComputedStyle(el).fontSize);
        if (size < 18) out.push(`${el.tagName}.${el.className}: ${size}`);
      }
      return out;
    });
    expect(small).toEqual([]);
    await d.journeyShot('elder-2-details');
    await d.journeyShot('elder-3-details-whole-page', true);
  }, 300_000);

  it('compares two homes side by side: the prices for the chosen care level and the beds are the API’s', async () => {
    const d = await open('?types=NURSING_HOME&level=PARTLY_DISABLED');
    await d.waitForList();
    const rows = d.page.locator('#search-panel li.with-compare');
    await rows.nth(1).waitFor({ timeout: E2E_WAIT_MS });
    const ids = await rows
      .locator('button.result')
      .evaluateAll((buttons) => buttons.slice(0, 2).map((b) => b.getAttribute('data-id') ?? ''));
    await rows.nth(0).locator('.compare-toggle').click();
    await rows.nth(1).locator('.compare-toggle').click();
    expect(await rows.nth(0).locator('.compare-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await d.page.locator('#compare-count').textContent()).toBe('已选 2 个设施对比（最多 3 个）');
    await d.page.locator('#compare-open').click();
    const cards = d.page.locator('#compare-panel .compare-card');
    await cards.nth(1).waitFor({ timeout: E2E_WAIT_MS });
    const url = new URL(d.page.url());
    expect(url.searchParams.get('compare')).toBe(ids.join(','));
    expect(url.searchParams.get('view')).toBe('compare');
    const api = (await (
      await fetch(`${stage.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($a: ID!, $b: ID!) { a: facility(id: $a) { ...F } b: facility(id: $b) { ...F } }
            fragment F on Facility { id totalBeds fees { careLevel totalMonthly } }`,
          variables: { a: ids[0], b: ids[1] },
        }),
      })
    ).json()) as {
      data: Record<
        'a' | 'b',
        { id: string; totalBeds: number | null; fees: { careLevel: string; totalMonthly: number }[] }
      >;
    };
    const shown = await cards.evaluateAll((sections) =>
      sections.map((section) => ({
        id: section.getAttribute('data-id'),
        price: section.querySelector('[data-field="price"]')?.textContent ?? '',
        total: section.querySelector('[data-field="price"]')?.getAttribute('data-total') ?? null,
        beds: section.querySelector('[data-field="beds"]')?.textContent ?? '',
        fields: [...section.querySelectorAll('dd')].map((dd) => dd.getAttribute('data-field')),
      })),
    );
    expect(shown.map((card) => card.id)).toEqual(ids);
    for (const [card, facility] of [
      [shown[0], api.data.a],
      [shown[1], api.data.b],
    ] as const) {
      const fee = facility.fees.find((f) => f.careLevel === 'PARTLY_DISABLED');
      if (fee) {
        expect(Number(card.total)).toBe(fee.totalMonthly);
        expect(card.price).toBe(`半失能 ${fee.totalMonthly} 元/月`);
      } else expect(card.price).toBe('未提供');
      expect(card.beds).toBe(facility.totalBeds === null ? '未提供' : String(facility.totalBeds));
      expect(card.fields).toEqual(['price', 'beds', 'vacancy', 'services', 'partners', 'rating', 'travel']);
    }
    await d.screenshot('compare-desktop');
    // The shared link reproduces the comparison, here on a 375 px phone in elder mode: no sideways scroll.
    const phone = await CareMapDriver.open(stage.browser, stage.url, {
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      await phone.visit(`${url.search}&uiStyle=elder`);
      const phoneCards = phone.page.locator('#compare-panel .compare-card');
      await phoneCards.nth(1).waitFor({ timeout: E2E_WAIT_MS });
      expect(await phoneCards.evaluateAll((s) => s.map((c) => c.getAttribute('data-id')))).toEqual(ids);
      expect(await phone.page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.locator('#compare-panel').scrollIntoViewIfNeeded();
      await phone.page.screenshot({ path: '/tmp/compare-phone-elder.png', fullPage: true });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
    await d.page.screenshot({ path: '/tmp/compare-desktop.png' });
  }, 120_000);

  it('the daughter’s journey by keyboard alone: Tab, Enter, Space and arrow keys, no click', async () => {
    const d = await open();
    const page = d.page;
    const focusedMatches = (selector: string) =>
      page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);
    /** Presses Tab until the focus is on `selector`; fails if it never gets there. */
    const tabTo = async (selector: string, limit = 150) => {
      for (let presses = 0; presses < limit; presses += 1) {
        if (await focusedMatches(selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    /** Moves a focused select with the arrow keys until it has `value`. */
    const arrowTo = async (value: string) => {
      for (let presses = 0; presses < 12; presses += 1) {
        if ((await page.evaluate<string>('document.activeElement.value')) === value) return;
        await page.keyboard.press('ArrowDown');
      }
      throw new Error(`The arrow keys never chose ${value}`);
    };
    await tabTo('#search-text');
    await page.keyboard.type(HOSPITAL);
    await page.keyboard.press('Enter');
    await page.locator('button.place').first().waitFor({ timeout: E2E_WAIT_MS });
    await tabTo('button.place');
    expect(
      await page.evaluate<string>("document.activeElement.querySelector('.result-name').textContent"),
    ).toBe(HOSPITAL);
    await page.keyboard.press('Enter');
    await page.locator('#details-heading').waitFor({ timeout: E2E_WAIT_MS });
    await tabTo('#circle-from-facility');
    await page.keyboard.press('Enter');
    await page.locator('#circle-panel li.reachable').first().waitFor({ timeout: E2E_WAIT_MS });
    await tabTo('#circle-panel details.filters > summary');
    await page.keyboard.press('Enter');
    await tabTo('#circle-type-NURSING_HOME');
    await page.keyboard.press('Space');
    await tabTo('#circle-has-vacancy');
    await page.keyboard.press('Space');
    await tabTo('#circle-care-level');
    await arrowTo('DISABLED');
    await tabTo('#circle-max-fee');
    await arrowTo('5000');
    await page.waitForURL(
      (url) =>
        url.searchParams.get('level') === 'DISABLED' &&
        url.searchParams.get('fee') === '5000' &&
        url.searchParams.get('types') === 'NURSING_HOME' &&
        url.searchParams.get('vacancy') === '1',
    );
    await d.settle();
    await expect
      .poll(async () => (await d.circleList()).every((item) => /失能 [0-9]+ 元\/月/.test(item.meta)), {
        timeout: E2E_WAIT_MS,
      })
      .toBe(true);
    const list = await d.circleList();
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) {
      expect(Number(/失能 ([0-9]+) 元\/月/.exec(item.meta)?.[1])).toBeLessThanOrEqual(5000);
    }
    await tabTo('#circle-panel button.result');
    await page.keyboard.press('Enter');
    await page.locator('#details-heading').waitFor({ timeout: E2E_WAIT_MS });
    await tabTo('#route-button');
    await page.keyboard.press('Enter');
    const minutes = page.locator('.route-minutes');
    await minutes.waitFor({ timeout: E2E_WAIT_MS });
    expect(Math.abs(Number(await minutes.getAttribute('data-minutes')) - list[0].travelMinutes)).toBeLessThan(
      0.01,
    );
    await page.screenshot({ path: '/tmp/compare-keyboard-route.png' });
  }, 300_000);

  it.each([
    ['zh', false],
    ['zh', true],
    ['en', false],
    ['en', true],
  ] as const)(
    'axe-core finds no serious or critical violation (%s, elder mode %s)',
    async (lang, elder) => {
      const query = [lang === 'en' ? 'lang=en' : null, elder ? 'uiStyle=elder' : null]
        .filter(Boolean)
        .join('&');
      const d = await open(query ? `?${query}` : '');
      await d.page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
      // Serious and critical violations only, each with up to five of the elements it found.
      const violations = await d.page.evaluate<{ id: string; help: string; nodes: string[] }[]>(`
        axe.run(document).then((result) => result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
      await d.page.screenshot({ path: `/tmp/compare-axe-${lang}${elder ? '-elder' : ''}.png` });
      expect(violations).toEqual([]);
    },
    120_000,
  );

  it('sends no request anywhere but the platform', () => {
    expect(outside).toEqual([]);
    expect(tilePaths.some((p) => p.startsWith('/tiles/basemap/'))).toBe(true);
    expect(tilePaths.some((p) => p.startsWith('/tiles/facilities/'))).toBe(true);
    expect(tilePaths.some((p) => p.startsWith('/tiles/service_areas/'))).toBe(true);
  });
});

describe.skipIf(!browserAvailable())('a deployment’s own base map (CAREMAP_MAP_STYLE_URL)', () => {
  let stage: Stage;
  let driver: CareMapDriver;

  beforeAll(async () => {
    stage = await startStage({
      baseStyle: {
        version: 8,
        name: 'deployment base map',
        sources: {},
        layers: [
          { id: 'deployment-background', type: 'background', paint: { 'background-color': '#dde8f0' } },
        ],
      },
    });
  });

  afterAll(async () => {
    await driver?.close();
    await stage?.close();
  });

  it('draws the facilities over it instead of the platform’s base map', async () => {
    driver = await CareMapDriver.open(stage.browser, stage.url);
    await driver.visit();
    expect((await driver.mapTypes()).length).toBeGreaterThan(0);
    expect(driver.localRequests).toContain('/deployment-style.json');
    expect(driver.localRequests.some((p) => p.startsWith('/tiles/basemap/'))).toBe(false);
    expect(driver.localRequests.some((p) => p.startsWith('/tiles/facilities/'))).toBe(true);
    expect(driver.outsideRequests).toEqual([]);
    expect(driver.errors).toEqual([]);
    await driver.screenshot('deployment-base-map');
  });
});
