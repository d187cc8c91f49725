/**
 * Input decoding. Disclosures come as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK
 * (older government sites). Node's TextDecoder (full ICU) decodes all of them; only the choice is ours.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

const LABELS: Record<string, TextEncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** Map a charset label (from an HTML meta tag, say) to a decoder name; undefined if unknown. */
export function encodingFromLabel(label: string): TextEncodingName | undefined {
  return LABELS[label.trim().toLowerCase()];
}

export function detectBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM (some exporters write it): the ASCII characters that every disclosure has
 * (digits, tabs, line ends) leave a NUL byte in every other position, nearly all on one side; CJK
 * text leaves few. Judged on the first 64 KiB.
 */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // The other side may hold a few NULs too: 一 (U+4E00) and its kin end in a zero byte.
  const pairs = n / 2;
  if (odd >= pairs * 0.05 && even * 5 <= odd) return 'utf-16le';
  if (even >= pairs * 0.05 && odd * 5 <= even) return 'utf-16be';
  return undefined;
}

/**
 * Binary content, judged on the first 64 KiB: NUL bytes (impossible in UTF-8/GB18030 text), or more
 * than 1% control bytes other than tab, line ends, form feed and escape. Call after the BOM and
 * UTF-16 checks.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > n * 0.01;
}

/**
 * Decode bytes. A BOM decides; else the NUL pattern of BOM-less UTF-16; else bytes that are valid
 * UTF-8 and not plain ASCII are UTF-8, even against a declared charset (Chinese sites often keep
 * `charset=gb2312` in pages re-saved as UTF-8, while GBK text is practically never valid UTF-8);
 * else a declared charset (HTML meta) decides; else GB18030 (a superset of GBK and GB2312).
 */
export function decode(bytes: Uint8Array, declared?: TextEncodingName): Decoded {
  const bom = detectBom(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, bom: true };
  }
  const utf16 = detectUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  if (utf8 !== undefined && (!declared || declared === 'utf-8' || !isAscii(bytes))) return { text: utf8, encoding: 'utf-8', bom: false };
  const fallback = declared && declared !== 'utf-8' ? declared : 'gb18030';
  return { text: new TextDecoder(fallback).decode(bytes), encoding: fallback, bom: false };
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** Share of U+FFFD replacement characters: high means the bytes were not text in any encoding we know. */
export function replacementRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}
