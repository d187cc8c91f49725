/**
 * Render benchmark (part of `npm run bench`): generated documents per second, per format (md, html,
 * docx, xlsx, pdf), on synthetic units of the three templates with their supplement and prior year.
 * Composing (narrative) is timed apart; each format's figure is the writer alone on composed
 * documents. PDF reuses one Chromium for all documents (launch time reported apart). Wall-clock on
 * this machine; compare runs on the same machine only.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { composeDocument } from '../src/render/document/compose.js';
import type { DisclosureDocument } from '../src/render/document/model.js';
import { renderDocx } from '../src/render/formats/docx.js';
import { renderHtml } from '../src/render/formats/html.js';
import { renderMarkdown } from '../src/render/formats/markdown.js';
import { PdfRenderer } from '../src/render/formats/pdf.js';
import { renderXlsx } from '../src/render/formats/xlsx.js';
import { syntheticDisclosure } from './corpus.js';

const TEMPLATES = ['gd', 'sx', 'sc'] as const;


async function measure(name: string, docs: DisclosureDocument[], render: (doc: DisclosureDocument) => unknown, warmup = 2): Promise<void> {
  for (let i = 0; i < Math.min(warmup, docs.length); i++) await render(docs[i]!);
  let bytes = 0;
  const start = performance.now();
  for (const doc of docs) {
    const out = await render(doc);
    bytes += typeof out === 'string' ? Buffer.byteLength(out) : out instanceof Uint8Array ? out.byteLength : 0;
  }
  const seconds = (performance.now() - start) / 1000;
  const kb = Math.round(bytes / docs.length / 1024);
  console.log(`  ${name.padEnd(6)} ${String(docs.length).padStart(4)} 份  ${(docs.length / seconds).toFixed(1).padStart(8)} 份/秒  平均 ${kb} KB`);
}

async function main(): Promise<void> {
  const count = Number(process.env['RENDER_BENCH_DOCS'] ?? 60);
  console.log(`\n决算通 render 基准测试：合成单位 ${count} 份（gd / sx / sc 轮换，含上年数据与补充信息）\n`);
  const inputs = Array.from({ length: count }, (_, i) => syntheticDisclosure(i + 1, { template: TEMPLATES[i % 3]!, prior: true, classes: 2 + (i % 5), breadth: 3 }));
  let start = performance.now();
  const docs = inputs.map((d, i) => composeDocument(d.report, d.supplement, { prior: d.prior!, template: TEMPLATES[i % 3]! }));
  console.log(`  compose（情况说明与名词解释） ${(count / ((performance.now() - start) / 1000)).toFixed(1)} 份/秒\n`);

  await measure('md', docs, (d) => renderMarkdown(d));
  await measure('html', docs, (d) => renderHtml(d));
  await measure('docx', docs, (d) => renderDocx(d));
  await measure('xlsx', docs, (d) => renderXlsx(d));

  const chromium = process.env['JUESUAN_CHROMIUM'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!chromium) {
    console.log('  pdf    跳过：未找到 Chromium');
    return;
  }
  const renderer = new PdfRenderer();
  try {
    start = performance.now();
    await renderer.render(docs[0]!);
    console.log(`  (Chromium 启动 + 首份 PDF ${((performance.now() - start) / 1000).toFixed(2)} 秒)`);
    const pdfDocs = docs.slice(0, Math.min(docs.length, Number(process.env['RENDER_BENCH_PDF_DOCS'] ?? 15)));
    await measure('pdf', pdfDocs, (d) => renderer.render(d), 1);
  } finally {
    await renderer.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
