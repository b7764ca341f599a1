import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CareMapDriver } from './driver';
import { browserAvailable, startStage, type Stage } from './harness';

const HOSPITAL = '浙江省人民医院';

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
    expect((await d.resultNames())[0]).toBe(HOSPITAL);
    await d.openResult(HOSPITAL);
    const details = await d.details();
    expect(details.name).toBe(HOSPITAL);
    for (const term of [
      '地址',
      '电话',
      '服务项目',
      '收费标准',
      '空余床位',
      '签约医疗机构 / 合作机构',
      '康养联合体',
      '数据来源',
    ]) {
      expect(Object.keys(details.facts)).toContain(term);
    }
    expect(details.facts['数据来源']).toMatch(/OpenStreetMap/);
    expect(new URL(d.page.url()).searchParams.get('facility')).toMatch(/^[0-9]+$/);
    await d.screenshot('search-and-details');
  });

  it.each(['zhejiangshengrenminyiyuan', 'zjsrmyy'])('finds it by pinyin (%s)', async (pinyin) => {
    const d = await open();
    await d.search(pinyin);
    expect(await d.resultNames()).toContain(HOSPITAL);
    await d.screenshot(`pinyin-${pinyin}`);
  });

  it('shows vacancy with its time, partners and the sample mark for a sample care home', async () => {
    const d = await open('?vacancy=1&types=NURSING_HOME');
    const [first] = await d.resultNames();
    await d.openResult(first);
    const details = await d.details();
    expect(details.facts['空余床位']).toMatch(/^[1-9][0-9]* \(更新于 .+\)$/);
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
    await expect.poll(() => d.page.locator('.app-title').textContent()).toBe('CareMap');
    expect(await d.page.getAttribute('html', 'lang')).toBe('en');
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
    await d.openResult(HOSPITAL);
    expect((await d.details()).name).toBe(HOSPITAL);
    await d.screenshot('phone-375-details');
  });

  it('can be used with the keyboard alone, the list being the map’s equivalent', async () => {
    const d = await open();
    await d.page.focus('#search-text');
    await d.page.keyboard.type('zjsrmyy');
    await d.page.keyboard.press('Enter');
    await d.settle();
    const result = d.page.locator('.result').first();
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
    expect(await focused('.result')).toBe(true);
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
  });

  it('sends no request anywhere but the platform', () => {
    expect(outside).toEqual([]);
    expect(tilePaths.some((p) => p.startsWith('/tiles/basemap/'))).toBe(true);
    expect(tilePaths.some((p) => p.startsWith('/tiles/facilities/'))).toBe(true);
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
