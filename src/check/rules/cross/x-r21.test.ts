import { edit, exampleReport, partlyRead, shifted, withCell, withoutTable } from '../../../../test/support/reports.js';
import { ruleTester } from '../../../../test/support/rule-tester.js';
import { rule } from './x-r21.js';

ruleTester(rule, {
  valid: [
    // The example itself: 201 income 434.00 against spending 430.00, which is normal.
    { name: 'income by class differs from spending by class: no finding', report: exampleReport },
    { name: 'even a large difference is no finding', report: () => shifted(exampleReport(), '02', '208', '1', 1000) },
  ],
  invalid: [
    { name: 'table 03 absent', report: () => withoutTable(exampleReport(), '03'), findings: [{ messageId: 'not_applicable', status: 'not_applicable' }] },
    { name: 'table 02 partly read', report: () => partlyRead(exampleReport(), '02'), findings: [{ messageId: 'insufficient_data', status: 'insufficient_data' }] },
  ],
});
