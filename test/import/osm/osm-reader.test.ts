import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OsmFileError } from '../../../server/import/osm/osm-data';
import { readOsm } from '../../../server/import/osm/osm-reader';
import { HANGZHOU_PBF, HANGZHOU_XML_GZ } from '../fixtures';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'caremap-osm-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function scratchFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, content);
  return path;
}

describe('readOsm on the shipped Hangzhou extract', () => {
  it('reads the same elements from .osm.pbf, .osm.gz and plain .osm', async () => {
    const pbf = await readOsm(HANGZHOU_PBF);
    const xmlGz = await readOsm(HANGZHOU_XML_GZ);
    const xml = await readOsm(await scratchFile('hangzhou.osm', gunzipSync(await readFile(HANGZHOU_XML_GZ))));

    // The streaming PBF reader drops the 15 untagged nodes that no way uses; the XML reader keeps them.
    expect(pbf.nodes.size).toBe(24_711);
    for (const osm of [pbf, xmlGz, xml]) {
      if (osm !== pbf) expect(osm.nodes.size).toBe(24_726);
      expect(osm.ways.length).toBe(3_649);
      expect(osm.relations.length).toBe(30);
      expect(osm.bounds).toEqual({ west: 120.1, south: 30.23, east: 120.1851, north: 30.2963 });
    }
    expect(xmlGz.ways).toEqual(pbf.ways);
    expect(xmlGz.relations).toEqual(pbf.relations);
    expect(xml.nodes).toEqual(xmlGz.nodes);
    expect(pbf.nodes.get(35278378)).toEqual(xmlGz.nodes.get(35278378));
  });

  it('keeps node tags only on nodes that have them', async () => {
    const osm = await readOsm(HANGZHOU_PBF);
    expect(osm.nodes.get(35278378)?.tags).toMatchObject({ name: '浙江省人民医院', amenity: 'hospital' });
    expect(osm.nodes.get(25926073)).toEqual({ lng: 120.1654372, lat: 30.2795767 });
  });
});

describe('readOsm on bad input', () => {
  it('names a missing file', async () => {
    await expect(readOsm(join(scratch, 'missing.osm.pbf'))).rejects.toThrow(OsmFileError);
    await expect(readOsm(join(scratch, 'missing.osm.pbf'))).rejects.toThrow(
      /cannot open OSM file .*missing\.osm\.pbf/,
    );
  });

  it('rejects a file that is not OSM data at all', async () => {
    const path = await scratchFile('notes.osm.pbf', 'just some text\n');
    await expect(readOsm(path)).rejects.toThrow(/is not an OpenStreetMap file/);
  });

  it('rejects XML whose root is not <osm>', async () => {
    const path = await scratchFile('page.osm', '<html><body/></html>');
    await expect(readOsm(path)).rejects.toThrow(/not valid OSM XML: the root element is <html>/);
  });

  it('rejects XML that breaks off in the middle', async () => {
    const path = await scratchFile('cut.osm', '<osm version="0.6"><node id="1" lat="30.2" lon="120.1">');
    await expect(readOsm(path)).rejects.toThrow(/not valid OSM XML/);
  });

  it('rejects a node without coordinates', async () => {
    const path = await scratchFile('nocoords.osm', '<osm><node id="1" lat="30.2"/></osm>');
    await expect(readOsm(path)).rejects.toThrow(/<node id="1"> has no valid "lon"/);
  });

  it('rejects a truncated gzip file', async () => {
    const whole = gzipSync('<osm version="0.6"><node id="1" lat="30.2" lon="120.1"/></osm>');
    const path = await scratchFile('cut.osm.gz', whole.subarray(0, whole.length - 12));
    await expect(readOsm(path)).rejects.toThrow(OsmFileError);
  });

  it('rejects a truncated .osm.pbf file instead of hanging (tiny-osmpbf never returns from one)', async () => {
    const whole = await readFile(HANGZHOU_PBF);
    const path = await scratchFile('cut.osm.pbf', whole.subarray(0, 5_000));
    await expect(readOsm(path)).rejects.toThrow(/is not valid OSM PBF/);
  });
});
