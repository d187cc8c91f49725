import { FULL_NARRATIVE, narrativeReport } from '../../../../test/support/narrative.js';
import { edit, exampleReport } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r2.js';

/** The complete narrative with every word about 国有资本经营 spending taken out. */
const SILENT_ON_STATE_CAPITAL = FULL_NARRATIVE.replace(/五、2024年度国有资本经营[\s\S]*?(?=六、)/, '')
  .replace('；国有资本经营预算财政拨款收入0万元', '')
  .replace('；国有资本经营预算财政拨款支出0万元', '');

ruleTester(rule, {
  valid: [
    { name: 'empty tables 07 and 08 with their notes, 本年度无此项支出 in the narrative', report: () => narrativeReport() },
    {
      name: 'the narrative states the spending as 0 (Guangdong: inside 财政拨款支出说明)',
      report: () => narrativeReport(FULL_NARRATIVE.replace(/四、2024年度政府性基金[\s\S]*?(?=六、)/, '')),
    },
  ],
  invalid: [
    {
      name: 'a table with no data and no note',
      report: () => edit(narrativeReport(), (r) => (r.tables.find((t) => t.id === '08')!.empty = false)),
      findings: [{ messageId: 'no_note', status: 'fail', severity: 'error', location: { table: '08' } }],
    },
    {
      name: 'the narrative says nothing of the empty 国有资本经营 table',
      report: () => narrativeReport(SILENT_ON_STATE_CAPITAL),
      findings: [{ messageId: 'no_statement', status: 'fail', severity: 'warning', location: { table: '08' }, expected: '本年度无此项支出' }],
    },
    {
      name: 'no narrative read: the statements cannot be looked for',
      report: () => edit(exampleReport(), (r) => (r.sections = [])),
      findings: [
        { messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '07' } },
        { messageId: 'insufficient_data', status: 'insufficient_data', location: { table: '08' } },
      ],
    },
    {
      name: 'no tables at all (C-R1 reports it)',
      report: () => edit(narrativeReport(), (r) => (r.tables = [])),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
    {
      name: 'not a 决算',
      report: () => edit(narrativeReport(), (r) => (r.kind = 'budget')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
