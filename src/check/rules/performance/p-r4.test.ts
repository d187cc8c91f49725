import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r4.js';

ruleTester(rule, {
  valid: [
    { name: '100% → 10', report: () => withEvaluations(project()) },
    { name: '69.28% → 6.93', report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('42'), executed: fig('29.099'), rate: fig('69.28'), score: fig('6.93') })) },
    { name: 'capped at 10 above 100%', report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('40'), executed: fig('42'), rate: fig('105'), score: fig('10') })) },
  ],
  invalid: [
    {
      name: 'full marks at 69.28%',
      report: () => projectWith((e) => Object.assign(e.funds[0]!, { annualBudget: fig('42'), executed: fig('29.099'), rate: fig('69.28'), score: fig('10') })),
      findings: [{ messageId: 'score', severity: 'error', expected: 6.93, actual: 10, difference: 3.07, location: { evaluation: 'E1', span: { line: 14 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
