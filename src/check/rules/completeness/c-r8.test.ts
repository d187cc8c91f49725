import { narrativeReport, narrativeWithout } from '../../../../test/support/narrative.js';
import { edit, exampleReport } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './c-r8.js';

ruleTester(rule, {
  valid: [
    { name: 'the example has a 名词解释', report: exampleReport },
    { name: 'the complete narrative', report: () => narrativeReport() },
  ],
  invalid: [
    {
      name: 'no 名词解释',
      report: () => narrativeWithout('第四部分：名词解释'),
      findings: [{ messageId: 'missing', status: 'fail', severity: 'warning', location: {}, expected: '名词解释' }],
    },
    {
      name: 'a 名词解释 heading with nothing under it',
      report: () =>
        edit(narrativeReport(), (r) => {
          const glossary = r.sections.find((s) => s.title === '名词解释')!;
          glossary.paragraphs = [];
        }),
      findings: [{ messageId: 'empty', severity: 'warning', location: { span: { line: narrativeReport().sections.find((s) => s.title === '名词解释')!.span.line! } } }],
    },
    {
      name: 'no text read at all',
      report: () => edit(exampleReport(), (r) => (r.sections = [])),
      findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }],
    },
    {
      name: 'not a 决算',
      report: () => edit(exampleReport(), (r) => (r.kind = 'performance-evaluation')),
      findings: [{ messageId: 'not_applicable', status: 'not_applicable' }],
    },
  ],
});
