import { it } from 'vitest';
import { syntheticDisclosure } from '/work/main/bench/corpus.js';
import { composeDocument } from '/work/main/src/render/document/compose.js';
import { renderMarkdown } from '/work/main/src/render/formats/markdown.js';
import { extractAsync, extractFile } from '/work/main/src/index.js';
import { checkReport } from '/work/main/src/check/index.js';
import { writeFileSync } from 'node:fs';
it('probe', async () => {
  const which = process.env.PROBE ?? 'sc';
  let report, supplement, prior;
  if (which === 'sc') ({ report, supplement, prior } = syntheticDisclosure(3, { template: 'sc', prior: true, classes: 2 }));
  else { const r = await extractFile(`/work/shared/seeds/${which}`); report = { ...r, sections: [], facts: [], grids: [], reconstructed: [], diagnostics: [] }; supplement = {}; }
  const doc = composeDocument(report, supplement, prior ? { prior } : {});
  const md = renderMarkdown(doc);
  writeFileSync('/tmp/gf/out.md', md);
  const back = await extractAsync(new TextEncoder().encode(md), { path: 'g.md' });
  console.log(back.tables.map((t) => t.id).join(','), back.scope, back.template);
  for (const f of checkReport(back).findings) if (f.status === 'fail' || f.status==='not_applicable') console.log(f.ruleId, f.severity, f.status, f.message);
});
