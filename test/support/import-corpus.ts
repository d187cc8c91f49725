/**
 * A folder to import: the seeds, synthetic disclosures rendered to md/html/xlsx/docx by our own
 * renderers, a broken file and a file of an unsupported type.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyse } from '../../src/store/worker.js';
import { composeDocument } from '../../src/render/document/compose.js';
import { renderDocx } from '../../src/render/formats/docx.js';
import { renderHtml } from '../../src/render/formats/html.js';
import { renderMarkdown } from '../../src/render/formats/markdown.js';
import { renderXlsx } from '../../src/render/formats/xlsx.js';
import { syntheticDisclosure } from '../../bench/corpus.js';
import { SEEDS_DIR } from './seeds.js';

export interface ImportCorpus {
  dir: string;
  /** Files that import (seeds + generated). */
  good: string[];
  /** The broken file, which fails with a reason. */
  broken: string;
  /** The unsupported file, listed as skipped. */
  skipped: string;
}

export async function writeImportCorpus(dir: string, options: { generated?: number } = {}): Promise<ImportCorpus> {
  mkdirSync(join(dir, '生成'), { recursive: true });
  const good: string[] = [];
  for (const name of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    copyFileSync(join(SEEDS_DIR, name), join(dir, name));
    good.push(join(dir, name));
  }
  const formats = ['md', 'html', 'xlsx', 'docx'] as const;
  const count = options.generated ?? 4;
  for (let i = 0; i < count; i++) {
    const { report, supplement } = syntheticDisclosure(900 + i);
    const doc = composeDocument(report, supplement);
    const format = formats[i % formats.length]!;
    const bytes =
      format === 'md'
        ? new TextEncoder().encode(renderMarkdown(doc))
        : format === 'html'
          ? new TextEncoder().encode(renderHtml(doc))
          : format === 'xlsx'
            ? await renderXlsx(doc)
            : await renderDocx(doc);
    const file = join(dir, '生成', `${String(i).padStart(2, '0')}-${report.entity}.${format}`);
    writeFileSync(file, bytes);
    good.push(file);
  }
  // A "Word file" that is not a zip at all: the reader says it is damaged.
  const broken = join(dir, '损坏的文件.docx');
  writeFileSync(broken, Buffer.from('PK\u0003\u0004 this is not really a zip archive, it stops here'));
  const skipped = join(dir, '说明.csv');
  writeFileSync(skipped, 'a,b\n1,2\n');
  return { dir, good, broken, skipped };
}

export interface ExpectedReport {
  filename: string;
  entity: string;
  year: number;
  errors: number;
  warnings: number;
  sha256: string;
}

/** What an import must store for these files: each read, recognised and checked here, ordered by sha256. */
export async function expectedReports(files: string[]): Promise<ExpectedReport[]> {
  const out: ExpectedReport[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const a = await analyse(bytes, file);
    if (!a.ok) throw new Error(`${file}: ${a.message}`);
    out.push({
      filename: basename(file),
      entity: a.report.entity,
      year: a.report.year,
      errors: a.check.summary.error,
      warnings: a.check.summary.warning,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return out.sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1));
}
