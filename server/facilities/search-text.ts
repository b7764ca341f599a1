import { pinyin } from 'pinyin-pro';

/** Text a facility is found by: name, address, English name, full pinyin and pinyin initials of the name. */
export function buildSearchText(fields: {
  name: string;
  address?: string | null;
  nameEn?: string | null;
}): string {
  const parts = [
    fields.name,
    fields.address ?? '',
    fields.nameEn ?? '',
    pinyin(fields.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''),
    pinyin(fields.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''),
  ];
  return parts.map(normalizeSearch).filter(Boolean).join('|');
}

/** Lower-cases and drops spaces and punctuation so that "Zhe Yi" finds "zheyi". */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The index keys of a search text: every character bigram inside a field, plus each CJK character
 * alone so that one-character queries can use the index too.
 */
export function searchGrams(searchText: string): string[] {
  const grams = new Set<string>();
  for (const field of searchText.split('|')) {
    const chars = [...field];
    for (let i = 0; i < chars.length; i++) {
      if (/\p{Script=Han}/u.test(chars[i])) grams.add(chars[i]);
      if (i + 1 < chars.length) grams.add(chars[i] + chars[i + 1]);
    }
  }
  return [...grams].sort();
}

/** Index keys a query must all have to match; empty when the query is too short to narrow by index. */
export function queryGrams(normalizedQuery: string): string[] {
  const chars = [...normalizedQuery];
  if (chars.length === 1) return /\p{Script=Han}/u.test(chars[0]) ? [chars[0]] : [];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}
