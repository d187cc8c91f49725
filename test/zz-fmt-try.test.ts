import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { renderDocx } from '../src/render/formats/docx.js';
import { seedReport } from './support/seeds.js';
import { tablesDocument, readBack } from './render-formats.test.js';
it('try', async () => {
  for (const id of ['000', '003']) {
    const report = await seedReport(id);
    const doc = tablesDocument(report, id === '003' ? 'sx' : 'gd');
    const t = Date.now();
    const bytes = await renderDocx(doc);
    console.log(id, bytes.length, Date.now() - t);
    writeFileSync(`/tmp/fmt/${id}.docx`, bytes);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    writeFileSync(`/tmp/fmt/${id}.mammoth.html`, html);
    const r = readBack(html, 'x.html', report);
    console.log(id, r.cells, r.mismatches.slice(0, 8), r.warnings.slice(0, 5));
  }
}, 120000);
