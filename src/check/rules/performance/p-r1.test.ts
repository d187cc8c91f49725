import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r1.js';

ruleTester(rule, {
  valid: [
    { name: 'seed 003 layout: 100 = 42 / 42', report: () => withEvaluations(project()) },
    { name: 'a rate rounded half up: 69.28 = 29.099 / 42', report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('42'), executed: fig('29.099'), rate: fig('69.28') })) },
    { name: 'prose rates are N-R6’s', report: () => projectWith((e) => Object.assign(e, { form: 'prose' }) && Object.assign(e.funds[0]!, { rate: fig('90') })) },
  ],
  invalid: [
    {
      name: 'rate not executed / budget',
      report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('42'), executed: fig('29.099'), rate: fig('100') })),
      findings: [{ messageId: 'mismatch', severity: 'error', status: 'fail', expected: 69.28, actual: 100, difference: 30.72, location: { evaluation: 'E1', span: { line: 14 } } }],
    },
    {
      name: 'truncated (003 style 99.92 for 99.927): info',
      report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('55'), executed: fig('54.96'), rate: fig('99.92') })),
      findings: [{ messageId: 'round', severity: 'info', status: 'round', expected: 99.93, actual: 99.92 }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
