import { describe, expect, it } from 'vitest';
import { normalizeSearch } from '../../server/facilities/search-text';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

interface Found {
  id: string;
  name: string;
  address: string | null;
}

async function search(text: string | null): Promise<Found[]> {
  const result = await fixture.server.query<{ facilities: { edges: { node: Found }[] } }>(
    `query($text: String) { facilities(filter: { text: $text }, first: 500) { edges { node { id name address } } } }`,
    { text },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.facilities.edges.map((edge) => edge.node);
}

describe('name and address search', () => {
  it('finds exactly the facilities whose name or address holds the words, however they are spaced', async () => {
    const all = await search(null);
    for (const words of ['医院', '养老', '居家 养老', '朝晖路', '老年食堂']) {
      const term = normalizeSearch(words);
      const expected = all
        .filter(
          (f) => normalizeSearch(f.name).includes(term) || normalizeSearch(f.address ?? '').includes(term),
        )
        .map((f) => f.id)
        .sort();
      expect(expected.length, words).toBeGreaterThan(0);
      expect((await search(words)).map((f) => f.id).sort(), words).toEqual(expected);
    }
  });

  it('reads wildcard characters literally: 医_院 and 医%院 are 医院, never "医, any, 院"', async () => {
    const plain = (await search('医院')).map((f) => f.id);
    expect((await search('医_院')).map((f) => f.id)).toEqual(plain);
    expect((await search('医%院')).map((f) => f.id)).toEqual(plain);
    // Punctuation alone is no words: nothing is filtered.
    expect(await search('%_%')).toHaveLength((await search(null)).length);
  });
});
