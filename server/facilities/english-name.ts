import { LRUCache } from 'lru-cache';
import { pinyin } from 'pinyin-pro';

/** Generic words written apart from the proper name before them: 浙江省 → Zhejiang Sheng. */
const GENERIC_WORDS = [
  '医院',
  '小区',
  '公园',
  '中心',
  '社区',
  '街道',
  '大道',
  '广场',
  '养老院',
  '敬老院',
  '卫生院',
  '省',
  '市',
  '区',
  '县',
  '路',
  '街',
  '巷',
  '弄',
  '号',
];

const HAN = /\p{Script=Han}/u;

function capitalize(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

function syllables(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array' }).join('');
}

/** Splits a run of Chinese characters into words: proper names, then the generic words that follow them. */
function hanWords(run: string): string[] {
  const words: string[] = [];
  let rest = run;
  let name = '';
  while (rest) {
    const generic = GENERIC_WORDS.find((word) => rest.startsWith(word) && name !== '');
    if (generic) {
      words.push(name, generic);
      name = '';
      rest = rest.slice(generic.length);
    } else {
      name += rest[0];
      rest = rest.slice(1);
    }
  }
  if (name) words.push(name);
  return words.map((word) => capitalize(syllables(word)));
}

/**
 * A Chinese name or address in pinyin for English readers, without tones, words capitalised:
 * 浙江省人民医院 → "Zhejiang Sheng Renmin Yiyuan". Text without Chinese characters comes back as it is;
 * null for null.
 */
export function romanize(text: string | null): string | null {
  if (text === null) return null;
  if (!HAN.test(text)) return text;
  let roman = romanized.get(text);
  if (roman === undefined) {
    roman = romanizeHan(text);
    romanized.set(text, roman);
  }
  return roman;
}

/**
 * Names and addresses already put in pinyin: every directory page romanizes each row's name and address,
 * and pinyin-pro's word segmentation took a fifth of a page's CPU time (profiled); the same few thousand
 * names come back again and again.
 */
const romanized = new LRUCache<string, string>({ max: 50_000 });

function romanizeHan(text: string): string {
  const parts: string[] = [];
  for (const match of text.matchAll(/(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu)) {
    if (match[1]) parts.push(...hanWords(match[1]));
    else {
      const other = match[2].trim();
      if (other) parts.push(other);
    }
  }
  return parts.join(' ');
}
