/**
 * Character clean-up for PDF text layers: fonts that map glyphs to CJK radical code points (⻔ for
 * 门, ⼀ for 一) and CJK compatibility ideographs. The radical table is generated from Unicode's
 * EquivalentUnifiedIdeograph.txt by scripts/unicode-radicals.mjs into data/unicode/radicals.tsv.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let radicals: Map<number, string> | undefined;

function dataFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'unicode', 'radicals.tsv');
    try {
      readFileSync(candidate, { flag: 'r' }).length;
      return candidate;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('找不到部首映射数据文件 data/unicode/radicals.tsv');
}

/** Radical code point → unified ideograph, read once from data/unicode/radicals.tsv. */
export function radicalMap(): Map<number, string> {
  if (radicals) return radicals;
  const map = new Map<number, string>();
  for (const line of readFileSync(dataFile(), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [from, to] = line.split('\t');
    if (from && to) map.set(parseInt(from, 16), String.fromCodePoint(parseInt(to, 16)));
  }
  radicals = map;
  return map;
}

/** Radicals (U+2E80–2FDF), compatibility ideographs (U+F900–FAFF) and private ligatures that NFKC folds. */
const SUSPECT = /[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/;

/**
 * Map radicals to ideographs and apply NFKC only to compatibility ideographs and Latin ligatures:
 * full NFKC would turn full-width brackets and digits of labels (因公出国（境）费) into ASCII ones.
 */
export function cleanText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const map = radicalMap();
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2e80 && cp <= 0x2fdf) out += map.get(cp) ?? ch;
    else if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfb00 && cp <= 0xfb06)) out += ch.normalize('NFKC');
    else out += ch;
  }
  return out;
}

/** CJK ideographs and full-width punctuation: no space is printed between them. */
export const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/** Letter-spaced CJK (`救 济 费`): the spaces between two CJK characters are layout, not text. */
export function collapseCjkSpaces(text: string): string {
  return text.replace(/(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])[ \u00a0\u3000]+(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])/g, '');
}

/** Approximate advance of a character in ems (CJK full width, digits and Latin about half). */
export function charEms(ch: string): number {
  return CJK_CHAR.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.55;
}
