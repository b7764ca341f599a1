import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { OsmData, OsmMember, OsmTags } from './osm-data';

const MEMBER_TYPES = new Set(['node', 'way', 'relation']);

function integerAttribute(tag: SaxesTagPlain, name: string): number {
  const value = Number(tag.attributes[name]);
  if (!Number.isSafeInteger(value)) throw new Error(`<${tag.name}> has no valid integer "${name}"`);
  return value;
}

function coordinateAttribute(tag: SaxesTagPlain, name: 'lat' | 'lon'): number {
  const value = Number(tag.attributes[name]);
  const limit = name === 'lat' ? 90 : 180;
  if (tag.attributes[name] === undefined || !(Math.abs(value) <= limit)) {
    throw new Error(`<node id="${tag.attributes.id}"> has no valid "${name}"`);
  }
  return value;
}

function boundAttribute(tag: SaxesTagPlain, name: string): number {
  const value = Number(tag.attributes[name]);
  if (tag.attributes[name] === undefined || !Number.isFinite(value)) {
    throw new Error(`<bounds> has no valid "${name}"`);
  }
  return value;
}

/** Parses OSM XML (API 0.6 / osmosis layout) from text chunks as they stream in; throws on malformed input. */
export async function parseOsmXml(chunks: AsyncIterable<string>): Promise<OsmData> {
  const osm: OsmData = { nodes: new Map(), ways: [], relations: [], bounds: null };
  const parser = new SaxesParser();
  let depth = 0;
  let sawRoot = false;
  let tags: OsmTags = {};
  let nodeIds: number[] = [];
  let members: OsmMember[] = [];

  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      if (tag.name !== 'osm') throw new Error(`the root element is <${tag.name}>, not <osm>`);
      sawRoot = true;
      return;
    }
    switch (tag.name) {
      case 'node':
      case 'way':
      case 'relation':
        tags = {};
        nodeIds = [];
        members = [];
        break;
      case 'tag':
        tags[tag.attributes.k] = tag.attributes.v;
        break;
      case 'nd':
        nodeIds.push(integerAttribute(tag, 'ref'));
        break;
      case 'member': {
        const type = tag.attributes.type;
        if (!MEMBER_TYPES.has(type)) throw new Error(`<member> has unknown type "${type}"`);
        members.push({
          type: type as OsmMember['type'],
          ref: integerAttribute(tag, 'ref'),
          role: tag.attributes.role ?? '',
        });
        break;
      }
      case 'bounds':
        osm.bounds = {
          west: boundAttribute(tag, 'minlon'),
          south: boundAttribute(tag, 'minlat'),
          east: boundAttribute(tag, 'maxlon'),
          north: boundAttribute(tag, 'maxlat'),
        };
        break;
    }
  });

  parser.on('closetag', (tag) => {
    depth--;
    if (tag.name === 'node') {
      const hasTags = Object.keys(tags).length > 0;
      osm.nodes.set(integerAttribute(tag, 'id'), {
        lng: coordinateAttribute(tag, 'lon'),
        lat: coordinateAttribute(tag, 'lat'),
        ...(hasTags ? { tags } : {}),
      });
    } else if (tag.name === 'way') {
      osm.ways.push({ id: integerAttribute(tag, 'id'), nodeIds, tags });
    } else if (tag.name === 'relation') {
      osm.relations.push({ id: integerAttribute(tag, 'id'), members, tags });
    }
  });

  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
  if (!sawRoot) throw new Error('no <osm> element found');
  return osm;
}
