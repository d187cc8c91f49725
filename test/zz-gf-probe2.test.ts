import { it } from 'vitest';
import { extractFile } from '/work/main/src/index.js';
import { composeDocument } from '/work/main/src/render/document/compose.js';
import { renderXlsx } from '/work/main/src/render/formats/xlsx.js';
import { readDocumentAsync } from '/work/main/src/read/index.js';
import { findScope } from '/work/main/src/recognise/metadata.js';
import { locateTables } from '/work/main/src/recognise/locate.js';
it('probe', async () => {
  const r = await extractFile(`/work/shared/seeds/001_b122782aca3f9b34.txt`);
  const report = { ...r, sections: [], facts: [], grids: [], reconstructed: [], diagnostics: [] };
  const doc = composeDocument(report, {}, {});
  const x = await renderXlsx(doc);
  const d: any = await readDocumentAsync(x, { path: 'g.xlsx' } as any);
  const loc = locateTables(d.blocks, new Set());
  console.log('scope-notables', findScope(d.title ?? '', d.text, []));
  console.log('entity lines', loc.tables.map((t: any) => t.entityLine));
});
