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

/** Binary content: NUL bytes (impossible in UTF-8/GB18030 text) in the first 64 KiB. Call after the BOM check. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decode bytes. A BOM decides; else a declared charset (HTML meta) decides; else strict UTF-8 is
 * tried and GB18030 (a superset of GBK and GB2312) is the fallback.
 */
export function decode(bytes: Uint8Array, declared?: TextEncodingName): Decoded {
  const bom = detectBom(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, bom: true };
  }
  if (declared && declared !== 'utf-8') {
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared, bom: false };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}

/** Share of U+FFFD replacement characters: high means the bytes were not text in any encoding we know. */
export function replacementRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}
