/**
 * Ruling lines straight from a page's content streams. pdfjs's operator list (made for rendering)
 * costs about as much as the page's text: it loads fonts and colour spaces, builds an object per
 * operator and copies every path. Table rules need only the painted straight paths and the CTM, so
 * the content stream is scanned here byte by byte: numbers, the path operators (m l c v y h re),
 * painting (S s f F f* B B* b b* n), q/Q/cm and Form XObjects (Do); text, strings, dictionaries and
 * inline images are skipped. Objects are found by their `n g obj` headers (no xref needed). Anything
 * this scanner does not handle (objects in object streams, filters other than Flate, a predictor)
 * throws `Unscannable`: the reader then asks pdfjs for the operator list, as before.
 */
import { constants, inflateSync } from 'node:zlib';
import type { Rule } from './layout.js';

export type Matrix = [number, number, number, number, number, number];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** Path segment codes, as pdfjs encodes a path (its DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * Ruling lines from painted paths: stroked segments and thin filled rectangles (browsers and Office
 * draw cell borders as both), in page points from the top-left. Fed by pdfjs's operator list or by
 * the content-stream scanner, with the same path encoding.
 */
export class RuleCollector {
  readonly rules: Rule[] = [];
  images = 0;
  ctm: Matrix = [1, 0, 0, 1, 0, 0];
  readonly #stack: Matrix[] = [];

  constructor(
    private readonly toPage: (x: number, y: number) => [number, number],
    private readonly area: number,
  ) {}

  save(): void {
    this.#stack.push(this.ctm);
  }

  restore(): void {
    this.ctm = this.#stack.pop() ?? this.ctm;
  }

  transform(m: Matrix): void {
    this.ctm = multiply(this.ctm, m);
  }

  /** A painted path (`filled` unless only stroked), `data` in pdfjs's path encoding. */
  paint(filled: boolean, data: ArrayLike<number>): void {
    const ctm = this.ctm;
    const pt = (x: number, y: number): [number, number] => this.toPage(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
    const rules = this.rules;
    const addSegment = (a: [number, number], b: [number, number]) => {
      if (Math.abs(a[1] - b[1]) < 0.5) rules.push({ x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]), y1: (a[1] + b[1]) / 2, y2: (a[1] + b[1]) / 2 });
      else if (Math.abs(a[0] - b[0]) < 0.5) rules.push({ x1: (a[0] + b[0]) / 2, x2: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
    };
    // Subpaths of straight segments.
    let points: [number, number][] = [];
    const areas: [number, number][][] = [];
    let closed = false;
    const flush = () => {
      if (points.length < 2) {
        points = [];
        return;
      }
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (const p of points) {
        if (p[0] < minX) minX = p[0];
        if (p[0] > maxX) maxX = p[0];
        if (p[1] < minY) minY = p[1];
        if (p[1] > maxY) maxY = p[1];
      }
      const w = maxX - minX;
      const h = maxY - minY;
      if (filled && w * h > 0.4 * this.area) {
        points = [];
        return; // a page background
      }
      if (filled && points.length >= 4 && (w <= 3 || h <= 3)) {
        // A thin filled rectangle: a line along its long side.
        if (w <= 3 && h > 3) rules.push({ x1: minX + w / 2, x2: minX + w / 2, y1: minY, y2: minY + h });
        else if (h <= 3 && w > 3) rules.push({ x1: minX, x2: minX + w, y1: minY + h / 2, y2: minY + h / 2 });
      } else if (filled) {
        // A filled area: its edges are lines only as part of a shape of several (a border drawn as a
        // ring, outer and inner rectangle filled even-odd); alone it is a shading (a header band,
        // striped rows, a cell's colour), whose edges would cut a borderless table into pieces.
        areas.push(points);
      } else {
        for (let k = 1; k < points.length; k++) addSegment(points[k - 1]!, points[k]!);
        if (filled || closed) addSegment(points[points.length - 1]!, points[0]!);
      }
      points = [];
    };
    let k = 0;
    while (k < data.length) {
      const op = data[k]!;
      if (op === MOVE) {
        flush();
        closed = false;
        points.push(pt(data[k + 1]!, data[k + 2]!));
        k += 3;
      } else if (op === LINE) {
        points.push(pt(data[k + 1]!, data[k + 2]!));
        k += 3;
      } else if (op === CURVE) {
        points = []; // curves: not a ruling line
        k += 7;
      } else if (op === QUAD) {
        points = [];
        k += 5;
      } else {
        closed = true;
        k += 1;
      }
    }
    flush();
    if (areas.length >= 2) {
      for (const area of areas) {
        for (let j = 1; j < area.length; j++) addSegment(area[j - 1]!, area[j]!);
        addSegment(area[area.length - 1]!, area[0]!);
      }
    }
  }
}

/** The scanner met something it does not read: use pdfjs's operator list for this page. */
export class Unscannable extends Error {}

class Ref {
  constructor(readonly num: number) {}
}

type Dict = Record<string, unknown>;

/** A stream object: its dictionary and where its data starts in the file. */
class StreamRef {
  constructor(
    readonly dict: Dict,
    readonly start: number,
  ) {}
}

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Ref) && !(v instanceof Uint8Array) && !(v instanceof StreamRef);

// Character classes of PDF syntax.
const WHITE = new Uint8Array(256);
const DELIM = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const regular = (c: number) => WHITE[c] === 0 && DELIM[c] === 0;

/** The objects of a PDF file, found by their headers and parsed when asked for. */
export class PdfObjects {
  readonly #bytes: Uint8Array;
  readonly #offsets = new Map<number, number>();
  readonly #cache = new Map<number, unknown>();
  #pos = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    // Encrypted streams are pdfjs's to decrypt.
    if (/\/Encrypt[\s/<\d]/.test(text)) throw new Unscannable('encrypted');
    // A later definition (an incremental update) replaces an earlier one.
    const header = /(?:^|[\r\n])[ \t]*(\d+)[ \t\r\n]+\d+[ \t\r\n]+obj(?![A-Za-z])/g;
    for (let m = header.exec(text); m; m = header.exec(text)) this.#offsets.set(Number(m[1]), m.index + m[0].length);
  }

  /** An object by number (its value; a stream as `{ dict, start }`). */
  object(num: number): unknown {
    if (this.#cache.has(num)) return this.#cache.get(num);
    const at = this.#offsets.get(num);
    if (at === undefined) throw new Unscannable(`object ${num} not found`);
    this.#pos = at;
    let value = this.#value(0);
    if (isDict(value)) {
      this.#skipWhite();
      if (this.#keyword() === 'stream') {
        const b = this.#bytes;
        if (b[this.#pos] === 13) this.#pos++;
        if (b[this.#pos] === 10) this.#pos++;
        value = new StreamRef(value, this.#pos);
      }
    }
    this.#cache.set(num, value);
    return value;
  }

  resolve(v: unknown): unknown {
    for (let depth = 0; v instanceof Ref; depth++) {
      if (depth > 16) throw new Unscannable('reference loop');
      v = this.object(v.num);
    }
    return v;
  }

  dict(v: unknown): Dict | undefined {
    const d = this.resolve(v);
    if (d instanceof StreamRef) return d.dict;
    return isDict(d) ? d : undefined;
  }

  /** A stream's decoded bytes (Flate or none; anything else is Unscannable). */
  streamData(v: unknown): { dict: Dict; data: Uint8Array } {
    const s = this.resolve(v);
    if (!(s instanceof StreamRef)) throw new Unscannable('not a stream');
    const { dict, start } = s;
    const b = this.#bytes;
    let length = this.resolve(dict['Length']);
    let end = typeof length === 'number' ? start + length : -1;
    if (!(end >= start && end <= b.length && this.#endsStream(end))) {
      // A wrong /Length: the data runs to `endstream` (less its end of line).
      const text = Buffer.from(b.buffer, b.byteOffset + start, Math.min(b.length - start, 1 << 26)).toString('latin1');
      const at = text.indexOf('endstream');
      if (at < 0) throw new Unscannable('no endstream');
      end = start + at;
      if (b[end - 1] === 10) end--;
      if (b[end - 1] === 13) end--;
      length = end - start;
    }
    const raw = b.subarray(start, end);
    const filter = this.resolve(dict['Filter']);
    const filters = (Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter === undefined ? [] : [filter]) as unknown[];
    if (filters.length === 0) return { dict, data: raw };
    if (filters.length > 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')) throw new Unscannable(`filter ${String(filters[0])}`);
    const parms = this.dict(Array.isArray(dict['DecodeParms']) ? (dict['DecodeParms'] as unknown[])[0] : dict['DecodeParms']);
    const predictor = parms ? this.resolve(parms['Predictor']) : undefined;
    if (typeof predictor === 'number' && predictor > 1) throw new Unscannable('predictor');
    const out = inflateSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
    return { dict, data: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
  }

  #endsStream(end: number): boolean {
    const b = this.#bytes;
    let i = end;
    while (i < b.length && WHITE[b[i]!]) i++;
    return b[i] === 0x65 /* e */ && b[i + 1] === 0x6e && b[i + 2] === 0x64 && b[i + 3] === 0x73;
  }

  #skipWhite(): void {
    const b = this.#bytes;
    for (;;) {
      const c = b[this.#pos];
      if (c === undefined) return;
      if (WHITE[c]) this.#pos++;
      else if (c === 0x25) {
        while (this.#pos < b.length && b[this.#pos] !== 10 && b[this.#pos] !== 13) this.#pos++;
      } else return;
    }
  }

  #keyword(): string {
    const b = this.#bytes;
    const start = this.#pos;
    while (this.#pos < b.length && regular(b[this.#pos]!)) this.#pos++;
    return Buffer.from(b.buffer, b.byteOffset + start, this.#pos - start).toString('latin1');
  }

  #value(depth: number): unknown {
    if (depth > 64) throw new Unscannable('nesting');
    this.#skipWhite();
    const b = this.#bytes;
    const c = b[this.#pos];
    if (c === undefined) throw new Unscannable('end of file');
    if (c === 0x3c /* < */ && b[this.#pos + 1] === 0x3c) {
      this.#pos += 2;
      const dict: Dict = Object.create(null) as Dict;
      for (;;) {
        this.#skipWhite();
        if (b[this.#pos] === 0x3e && b[this.#pos + 1] === 0x3e) {
          this.#pos += 2;
          return dict;
        }
        const key = this.#value(depth + 1);
        if (typeof key !== 'string') throw new Unscannable('dictionary key');
        dict[key] = this.#value(depth + 1);
      }
    }
    if (c === 0x5b /* [ */) {
      this.#pos++;
      const array: unknown[] = [];
      for (;;) {
        this.#skipWhite();
        if (b[this.#pos] === 0x5d) {
          this.#pos++;
          return array;
        }
        array.push(this.#value(depth + 1));
      }
    }
    if (c === 0x2f /* / */) {
      this.#pos++;
      return decodeName(this.#keyword());
    }
    if (c === 0x28 /* ( */) {
      this.#pos = skipLiteral(b, this.#pos);
      return new Uint8Array(0); // strings: not needed here
    }
    if (c === 0x3c) {
      while (this.#pos < b.length && b[this.#pos] !== 0x3e) this.#pos++;
      this.#pos++;
      return new Uint8Array(0);
    }
    const word = this.#keyword();
    if (word === '') throw new Unscannable(`unexpected byte ${c}`);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const n = Number(word);
    if (Number.isNaN(n)) throw new Unscannable(`unexpected ${word}`);
    // `n g R`: a reference.
    if (Number.isInteger(n) && n >= 0) {
      const save = this.#pos;
      this.#skipWhite();
      const gen = this.#keyword();
      if (/^\d+$/.test(gen)) {
        this.#skipWhite();
        if (this.#keyword() === 'R') return new Ref(n);
      }
      this.#pos = save;
    }
    return n;
  }
}

function decodeName(s: string): string {
  return s.includes('#') ? s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The position after a literal string starting at `i` (balanced parentheses, backslash escapes). */
function skipLiteral(b: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return i;
}

/** Operator codes: up to three bytes, little-endian. */
const op = (s: string) => s.split('').reduce((acc, ch, i) => acc | (ch.charCodeAt(0) << (8 * i)), 0);
const OP = {
  q: op('q'),
  Q: op('Q'),
  cm: op('cm'),
  m: op('m'),
  l: op('l'),
  c: op('c'),
  v: op('v'),
  y: op('y'),
  h: op('h'),
  re: op('re'),
  S: op('S'),
  s: op('s'),
  f: op('f'),
  F: op('F'),
  fStar: op('f*'),
  B: op('B'),
  BStar: op('B*'),
  b: op('b'),
  bStar: op('b*'),
  n: op('n'),
  Do: op('Do'),
  BI: op('BI'),
  ID: op('ID'),
} as const;

/** The ruling lines and image count of a page, from its content streams. Throws Unscannable. */
export function scanPageRules(objects: PdfObjects, pageNum: number, sink: RuleCollector): void {
  const page = objects.dict(new Ref(pageNum));
  if (!page) throw new Unscannable('page');
  let resources: Dict | undefined;
  for (let node: Dict | undefined = page, depth = 0; node && depth < 32; node = objects.dict(node['Parent']), depth++) {
    if (node['Resources'] !== undefined) {
      resources = objects.dict(node['Resources']);
      break;
    }
  }
  const contents = objects.resolve(page['Contents']);
  const parts = contents === undefined || contents === null ? [] : Array.isArray(contents) ? contents : [page['Contents']];
  // The parts of a page's content are one stream, cut anywhere between tokens.
  const datas = parts.map((p) => objects.streamData(p).data);
  const data = datas.length === 1 ? datas[0]! : joinParts(datas);
  scanContent(objects, data, resources, sink, 0);
}

function joinParts(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 10;
    at += p.length + 1;
  }
  return out;
}

function scanContent(objects: PdfObjects, b: Uint8Array, resources: Dict | undefined, sink: RuleCollector, depth: number): void {
  if (depth > 12) throw new Unscannable('forms nested too deep');
  const nums = new Float64Array(6);
  let n = 0; // numbers since the last operator (the last six kept)
  let name = '';
  const path: number[] = [];
  let cx = 0;
  let cy = 0;
  const len = b.length;
  let i = 0;
  while (i < len) {
    const c = b[i]!;
    if (WHITE[c]) {
      i++;
      continue;
    }
    // A number.
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      let sign = 1;
      while (b[i] === 0x2d || b[i] === 0x2b) {
        if (b[i] === 0x2d) sign = -sign;
        i++;
      }
      let v = 0;
      let d = b[i]!;
      while (d >= 0x30 && d <= 0x39) {
        v = v * 10 + (d - 0x30);
        d = b[++i]!;
      }
      if (d === 0x2e) {
        let scale = 1;
        d = b[++i]!;
        while (d >= 0x30 && d <= 0x39) {
          v = v * 10 + (d - 0x30);
          scale *= 10;
          d = b[++i]!;
        }
        v /= scale;
      }
      if (n === 6) nums.copyWithin(0, 1);
      else n++;
      nums[n - 1] = sign * v;
      continue;
    }
    if (c === 0x2f /* / */) {
      const start = ++i;
      while (i < len && regular(b[i]!)) i++;
      name = Buffer.from(b.buffer, b.byteOffset + start, i - start).toString('latin1');
      continue;
    }
    if (c === 0x28) {
      i = skipLiteral(b, i);
      continue;
    }
    if (c === 0x3c) {
      if (b[i + 1] === 0x3c) i += 2;
      else {
        while (i < len && b[i] !== 0x3e) i++;
        i++;
      }
      continue;
    }
    if (c === 0x25) {
      while (i < len && b[i] !== 10 && b[i] !== 13) i++;
      continue;
    }
    if (DELIM[c]) {
      i++; // > ] [ { } )
      continue;
    }
    // An operator.
    const start = i;
    let code = 0;
    while (i < len && regular(b[i]!)) {
      if (i - start < 3) code |= b[i]! << (8 * (i - start));
      i++;
    }
    if (i - start > 3) code = -1;
    const a = (k: number) => nums[n - k]!; // the k-th last number
    switch (code) {
      case OP.q:
        sink.save();
        break;
      case OP.Q:
        sink.restore();
        break;
      case OP.cm:
        if (n >= 6) sink.transform([a(6), a(5), a(4), a(3), a(2), a(1)]);
        break;
      case OP.m:
        if (n >= 2) path.push(MOVE, (cx = a(2)), (cy = a(1)));
        break;
      case OP.l:
        if (n >= 2) path.push(LINE, (cx = a(2)), (cy = a(1)));
        break;
      case OP.c:
        if (n >= 6) path.push(CURVE, a(6), a(5), a(4), a(3), (cx = a(2)), (cy = a(1)));
        break;
      case OP.v:
        if (n >= 4) path.push(CURVE, cx, cy, a(4), a(3), (cx = a(2)), (cy = a(1)));
        break;
      case OP.y:
        if (n >= 4) path.push(CURVE, a(4), a(3), a(2), a(1), (cx = a(2)), (cy = a(1)));
        break;
      case OP.h:
        path.push(CLOSE);
        break;
      case OP.re:
        if (n >= 4) {
          const x = (cx = a(4));
          const y = (cy = a(3));
          const w = a(2);
          const h = a(1);
          if (w === 0 || h === 0) path.push(MOVE, x, y, LINE, x + w, y + h, CLOSE);
          else path.push(MOVE, x, y, LINE, x + w, y, LINE, x + w, y + h, LINE, x, y + h, CLOSE);
        }
        break;
      case OP.S:
      case OP.s:
      case OP.f:
      case OP.F:
      case OP.fStar:
      case OP.B:
      case OP.BStar:
      case OP.b:
      case OP.bStar:
        if (code === OP.s || code === OP.b || code === OP.bStar) path.push(CLOSE);
        if (path.length > 0) sink.paint(code !== OP.S && code !== OP.s, path);
        path.length = 0;
        break;
      case OP.n:
        path.length = 0; // a clipping path: not drawn
        break;
      case OP.Do:
        doXObject(objects, name, resources, sink, depth);
        break;
      case OP.BI: {
        // An inline image: its dictionary, `ID`, one white-space byte, the data, `EI`.
        const at = indexOfId(b, i);
        if (at < 0) throw new Unscannable('inline image');
        i = endOfInlineImage(b, at + 3);
        sink.images++;
        break;
      }
      default:
        break;
    }
    n = 0;
  }
}

function indexOfId(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] === 0x49 && b[i + 1] === 0x44 && WHITE[b[i - 1]!] && (i + 2 >= b.length || WHITE[b[i + 2]!])) return i;
  }
  return -1;
}

function endOfInlineImage(b: Uint8Array, from: number): number {
  for (let i = from; i + 1 < b.length; i++) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && WHITE[b[i - 1]!] && (i + 2 >= b.length || WHITE[b[i + 2]!])) return i + 2;
  }
  throw new Unscannable('inline image without EI');
}

function doXObject(objects: PdfObjects, name: string, resources: Dict | undefined, sink: RuleCollector, depth: number): void {
  const xobjects = resources ? objects.dict(resources['XObject']) : undefined;
  const ref = xobjects?.[name];
  if (ref === undefined) return; // pdfjs skips a missing XObject too
  const dict = objects.dict(ref);
  if (!dict) throw new Unscannable('XObject');
  const subtype = objects.resolve(dict['Subtype']);
  if (subtype === 'Image') {
    sink.images++;
    return;
  }
  if (subtype !== 'Form') return;
  const { data } = objects.streamData(ref);
  const matrix = objects.resolve(dict['Matrix']);
  sink.save();
  if (Array.isArray(matrix) && matrix.length === 6) {
    const m = matrix.map((x) => objects.resolve(x));
    if (m.every((x) => typeof x === 'number')) sink.transform(m as Matrix);
  }
  const own = dict['Resources'] !== undefined ? objects.dict(dict['Resources']) : undefined;
  scanContent(objects, data, own ?? resources, sink, depth + 1);
  sink.restore();
}
