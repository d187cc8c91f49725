/**
 * Extraction benchmark (`npm run bench`): how fast `extract` reads disclosures, and whether its cost
 * grows linearly with the size of a document.
 *
 *   A. each seed document in ../shared/seeds (when present): median of 30 runs after warm-up;
 *   B. a synthetic corpus of 1,000 rendered documents (both templates): documents/s and MB/s,
 *      median of 5 passes;
 *   C. linearity: documents of growing size — more classification rows, a longer narrative, whole
 *      documents concatenated — with the time per MB of each; a quadratic step shows as a growing
 *      ms/MB column.
 *
 * Timings are wall-clock medians on this machine; compare runs on the same machine only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { renderText } from '../src/render/index.js';
import { syntheticCorpus, syntheticReport } from './corpus.js';

/** Seed 001 (120 KB, 9 tables) must extract in under this many milliseconds (median). */
const TARGET_MS_001 = 20;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Measuring and printing

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median wall time of `fn` in ms over `runs` runs, after `warmup` unmeasured runs (JIT, caches). */
function timeMs(fn: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A table with a header row; columns after the first are right-aligned (numbers). */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const fill = ' '.repeat(widths[i]! - width(c));
        return i === 0 ? c + fill : fill + c;
      })
      .join('   ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('───'));
  for (const r of rows) console.log(line(r));
  console.log('');
}

const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const bytesOf = (text: string) => new TextEncoder().encode(text);

// ---------------------------------------------------------------------------------------------
// A. The seeds

function sharedDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env['JUESUAN_SHARED'], resolve(process.cwd(), '..', 'shared'), resolve(here, '..', '..', '..', 'shared')];
  return candidates.find((d): d is string => d !== undefined && existsSync(join(d, 'seeds')));
}

function benchSeeds(): { ms001?: number } {
  const shared = sharedDir();
  console.log('A. 种子文档：extract 中位耗时（全部种子预热 20 轮后，每份测 30 次）\n');
  if (!shared) {
    console.log('   未找到种子文档目录（设置 JUESUAN_SHARED 指向 shared 目录），跳过。\n');
    return {};
  }
  const dir = join(shared, 'seeds');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(dir, file)) }));
  // Warm every code path first, so the first seed measured does not pay for the JIT.
  for (let i = 0; i < 20; i++) for (const s of seeds) extract(s.bytes, { path: s.file });
  const rows: string[][] = [];
  let ms001: number | undefined;
  for (const { file, bytes } of seeds) {
    const report = extract(bytes, { path: file });
    const ms = timeMs(() => extract(bytes, { path: file }), 30, 5);
    if (file.startsWith('001')) ms001 = ms;
    rows.push([file, fmt(bytes.length / 1024, 1), String(report.tables.length), fmt(ms), fmt(bytes.length / MB / (ms / 1000), 1)]);
  }
  printTable(['文件', 'KB', '表', '毫秒', 'MB/s'], rows);
  return ms001 === undefined ? {} : { ms001 };
}

// ---------------------------------------------------------------------------------------------
// B. A synthetic corpus of 1,000 documents

function benchCorpus(): void {
  const count = 1000;
  const t0 = performance.now();
  const docs = syntheticCorpus(count).map((d) => ({ name: d.name, bytes: bytesOf(d.text), tables: d.report.tables.length }));
  const buildMs = performance.now() - t0;
  const totalBytes = docs.reduce((a, d) => a + d.bytes.length, 0);
  console.log(`B. 合成语料：${count} 份文档（广东、山西两种版式交替），共 ${fmt(totalBytes / MB)} MB，生成与排版用时 ${fmt(buildMs / 1000)} 秒\n`);
  // One checked pass first: the benchmark must time successful extractions, not failures.
  let wrong = 0;
  for (const d of docs) if (extract(d.bytes, { path: d.name }).tables.length !== d.tables) wrong++;
  if (wrong > 0) console.log(`   注意：${wrong} 份文档提取出的表数与原报表不符。\n`);
  const passes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    for (const d of docs) extract(d.bytes, { path: d.name });
    passes.push(performance.now() - start);
  }
  const ms = median(passes);
  printTable(
    ['语料', '文档数', 'MB', '总耗时 秒', '文档/秒', 'MB/s', '毫秒/文档'],
    [['合成 1,000 份（5 轮中位数）', fmt(count, 0), fmt(totalBytes / MB), fmt(ms / 1000), fmt(count / (ms / 1000), 0), fmt(totalBytes / MB / (ms / 1000), 1), fmt(ms / count)]],
  );
}

// ---------------------------------------------------------------------------------------------
// C. Linearity

interface Sized {
  label: string;
  bytes: Uint8Array;
}

function linearity(title: string, docs: Sized[]): void {
  console.log(title);
  const rows: string[][] = [];
  let first: number | undefined;
  for (const doc of docs) {
    const runs = doc.bytes.length > 2 * MB ? 5 : 10;
    const ms = timeMs(() => extract(doc.bytes, { path: 'linearity.txt' }), runs, 2);
    const perMb = ms / (doc.bytes.length / MB);
    first ??= perMb;
    rows.push([doc.label, fmt(doc.bytes.length / 1024, 1), fmt(ms), fmt(perMb, 1), `${fmt(perMb / first)}×`]);
  }
  printTable(['文档', 'KB', '毫秒', '毫秒/MB', '相对首行'], rows);
}

/** A narrative section in the style of 第三部分 (numbered headings, amounts, percentages). */
function narrativeBlock(n: number): string {
  const paras: string[] = [`第${n + 5}部分：补充情况说明（${n}）`, ''];
  for (let i = 1; i <= 12; i++) {
    paras.push(`（${i}）第${i}项工作情况`, '');
    paras.push(
      `本年度该项支出${fmt(1000 + i * 37.5 + n)}万元，比上年决算数增加${fmt(12.34 + i)}万元，增长${fmt(1.5 + i / 10, 1)}%。` +
        `主要原因是业务量增加，相关经费相应增加；其中基本支出${fmt(600 + i)}万元，项目支出${fmt(400 + i * 37.5 + n - i)}万元。`,
      '',
    );
  }
  return paras.join('\n');
}

function benchLinearity(): void {
  console.log('C. 线性检验：文档越大，每 MB 耗时应大致不变（若逐行上升，说明存在平方级步骤）\n');
  // More classification rows: all 24 classes, more 款 and 项 per class.
  linearity(
    '   C1. 分类科目行数增加（24 类，每类/每款最多 b 个款/项）',
    [2, 4, 8, 16, 24].map((b) => {
      const report = syntheticReport(7, { classes: 24, breadth: b });
      const rows = report.tables.filter((t) => ['02', '03', '05'].includes(t.id)).reduce((a, t) => a + t.rows.length, 0);
      return { label: `b=${b}，02/03/05 共 ${rows} 行`, bytes: bytesOf(renderText(report)) };
    }),
  );
  // A longer narrative after the tables.
  const base = renderText(syntheticReport(11, { classes: 3 }));
  linearity(
    '   C2. 叙述文字加长（同一份文档之后追加 k 节情况说明）',
    [1, 8, 64, 256, 1024].map((k) => ({
      label: `k=${k}`,
      bytes: bytesOf(base + Array.from({ length: k }, (_, i) => narrativeBlock(i)).join('\n\n')),
    })),
  );
  // Whole documents one after another: tables, contents and narrative all repeat.
  const doc = renderText(syntheticReport(13, { classes: 6, template: 'sx' }));
  linearity(
    '   C3. 整篇文档重复拼接 k 次',
    [1, 2, 4, 8, 16, 32].map((k) => ({ label: `k=${k}`, bytes: bytesOf(Array.from({ length: k }, () => doc).join('\n')) })),
  );
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  console.log(`决算通 extract 基准测试  Node ${process.version}  ${process.platform}/${process.arch}\n`);
  const { ms001 } = benchSeeds();
  benchCorpus();
  benchLinearity();
  if (ms001 !== undefined) {
    const ok = ms001 < TARGET_MS_001;
    console.log(`目标：种子 001（约 120 KB）中位耗时 < ${TARGET_MS_001} 毫秒 —— 实测 ${fmt(ms001)} 毫秒，${ok ? '达标' : '未达标'}`);
  } else console.log(`目标：种子 001 中位耗时 < ${TARGET_MS_001} 毫秒 —— 未找到种子文档，未测`);
}

main();
