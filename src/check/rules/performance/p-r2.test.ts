import { department, departmentWith, fig, project, projectWith, withEvaluations } from '../../../../test/support/evaluations.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './p-r2.js';

ruleTester(rule, {
  valid: [{ name: 'execution within the budget', report: () => withEvaluations(project()) }],
  invalid: [
    {
      name: 'seed 001: 42971.67 of 28,962.58 stated as 148.37%',
      report: () =>
        projectWith((e) => {
          e.form = 'prose';
          e.funds = [{ source: '资金总额', total: true, annualBudget: fig('28962.58'), executed: fig('42971.67'), place: { line: 603 } }];
          e.statements = [{ measure: 'rate', value: fig('148.37', '%'), text: '完成预算的148.37%', place: { line: 603, span: { start: 5, end: 9, line: 603 } } }];
        }),
      findings: [{ messageId: 'over', severity: 'warning', expected: 100, actual: 148.37, difference: 48.37, location: { evaluation: 'E1', span: { line: 603 } } }],
    },
    { name: 'no evaluations: not applicable', report: () => withEvaluations(), findings: [{ status: 'not_applicable' }] },
  ],
});
