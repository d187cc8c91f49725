import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { extractFile } from '../src/index.js';
import { checkReport } from '../src/check/index.js';
import { PERFORMANCE_RULES } from '../src/check/rules/performance/index.js';
it('dump', async () => {
  for (const id of ['000','001','002','003','004']) {
    const f = readdirSync('/work/shared/seeds').find((x) => x.startsWith(id))!;
    const r = await extractFile('/work/shared/seeds/' + f);
    console.log('== seed', id, 'evaluations', r.evaluations?.length ?? 0);
    for (const x of checkReport(r, { rules: PERFORMANCE_RULES }).findings) if (x.status !== 'not_applicable') console.log(x.ruleId, x.severity, x.status, x.messageId, x.location.evaluation, '@' + x.location.span?.line, x.expected, x.actual, x.difference, '|', x.message);
  }
}, 120000);
