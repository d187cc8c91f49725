import type { CellRef, Rule } from '../../types.js';
import { amount, valueOf } from './shared.js';

/** A functional 项/款 of table 05 (基本支出) and the economic lines of table 06 that pay for it. */
const PAIRS: { code: string; lines: string[]; what: string }[] = [
  { code: '2080505', lines: ['30108'], what: '机关事业单位基本养老保险缴费' },
  { code: '2080506', lines: ['30109'], what: '职业年金缴费' },
  { code: '2210201', lines: ['30113'], what: '住房公积金' },
  { code: '21011', lines: ['30110', '30111'], what: '职工基本医疗保险和公务员医疗补助缴费' },
];

/**
 * X-R20: functional ↔ economic correspondence. The employer's pension, occupational-annuity, housing
 * fund and medical-insurance contributions are classified twice: by function in table 05 (基本支出
 * of 2080505, 2080506, 2210201, 21011) and by economic nature in table 06 (30108, 30109, 30113,
 * 30110 + 30111). The two should be about equal; a unit whose spending is all classified under one
 * 项 (e.g. 技校教育, 其他人力资源和社会保障管理事务支出) breaks this legitimately, hence a warning that
 * asks for an explanation. Rows not printed count as 0 (table 05 prints only the codes used). The
 * finding is placed at the table 05 row, or at the table 06 line when table 05 has no such row.
 */
export const rule: Rule = {
  meta: {
    id: 'X-R20',
    title: '功能分类与经济分类对应科目基本一致',
    severity: 'warning',
    category: 'accuracy',
    tables: ['05', '06'],
    crossTable: true,
    tolerance: { kind: 'absolute', value: 0.01 },
    source: 'rules.md §2.2 [SEED]（单位支出整体列在某一项下时可合理不一致，需说明）',
    doc: 'T05[2080505, 栏2] ≈ T06[30108]；T05[2080506, 栏2] ≈ T06[30109]；T05[2210201, 栏2] ≈ T06[30113]；T05[21011, 栏2] ≈ T06[30110] + T06[30111]，容差 0.01',
    messages: {
      mismatch:
        '{{functional}}，{{economic}} 为 {{expected}} {{unit}}，相差 {{absDifference}} {{unit}}{{toleranceNote}}' +
        '单位缴纳的{{what}}按功能分类和按经济分类应大致相等：如这部分支出按规定列在其他功能科目（如技校教育、其他人力资源和社会保障管理事务支出），请在情况说明中解释；否则请调整功能分类科目。',
    },
  },
  check(ctx) {
    if (!ctx.need('05', '06')) return;
    const tol = Math.round(0.01 * ctx.scale);
    const t05Title = ctx.table('05')!.title;
    const t06Title = ctx.table('06')!.title;
    for (const { code, lines, what } of PAIRS) {
      const functional: CellRef = { table: '05', row: code, column: '2' };
      const economic: CellRef[] = lines.map((row) => ({ table: '06', row, column: 'amount' }));
      const f = valueOf(ctx, functional);
      const e = economic.map((r) => valueOf(ctx, r));
      if (f === undefined || e.some((v) => v === undefined)) {
        ctx.insufficient(`${ctx.meta.title}：未能读取 ${code} 或 ${lines.join('、')}，无法核对`, functional);
        continue;
      }
      const expected = (e as number[]).reduce((s, v) => s + v, 0);
      const diff = f - expected;
      if (diff === 0) continue;
      const f05 = ctx.row('05', code);
      const printed06 = economic.find((r) => ctx.row('06', r.row));
      const location = f05 ? functional : (printed06 ?? functional);
      const economicLabel = lines
        .map((line) => {
          const row = ctx.row('06', line);
          return row ? `${line} ${row.name}` : line;
        })
        .join(' 与 ');
      ctx.flag({
        messageId: 'mismatch',
        location,
        expected: amount(ctx, expected),
        actual: amount(ctx, f),
        differenceUnits: diff,
        status: Math.abs(diff) <= tol ? 'round' : 'fail',
        toleranceUnits: tol,
        data: {
          functional: f05
            ? `${t05Title} ${code} ${f05.name} 基本支出为 ${ctx.money(f)} ${ctx.unit}`
            : `${t05Title}没有 ${code} 科目行（基本支出按 0 计）`,
          economic: `${t06Title} ${economicLabel}${lines.length > 1 ? ' 之和' : ''}`,
          actual: ctx.money(f),
          expected: ctx.money(expected),
          absDifference: ctx.money(Math.abs(diff)),
          what,
        },
        related: ['X-R14'],
      });
    }
  },
};
