/**
 * Hand-built performance self-evaluations (Report.evaluations) for the P-R rule tests: a consistent
 * 项目支出绩效自评表 in the SX layout of seed 003 and a department self-evaluation in the Guangzhou
 * model of seed 002, each to be edited so that exactly one thing breaks.
 */
import type { DepartmentEvaluation, Figure, Indicator, ProjectEvaluation } from '../../src/model/evaluation.js';
import type { Report } from '../../src/model/report.js';
import { exampleReport } from './reports.js';

/** A printed figure from its text (`29.099`, `100.00`, `约20人` is not one). */
export function fig(text: string, unit?: string): Figure {
  const m = /^-?\d+(?:\.(\d+))?$/.exec(text);
  return { text, value: m ? Number(text) : null, decimals: m?.[1]?.length ?? 0, ...(unit ? { unit } : {}) };
}

const at = (line: number) => ({ line, span: { start: line * 100, end: line * 100 + 10, line } });

function indicator(line: number, level1: string, level2: string, name: string, target: string, actual: string, weight: string, score: string): Indicator {
  return { level1, level2, name, initialTarget: target, target, actual, weight: fig(weight, '分'), score: fig(score, '分'), place: at(line) };
}

/** A consistent project table: 年初 42, 全年预算 42, 执行 42 (100%, 10分), indicators 50/30/10, 总分 100 优. */
export function project(): ProjectEvaluation {
  return {
    kind: 'project',
    id: 'E1',
    name: '档案管理工作经费',
    year: 2024,
    form: 'table',
    total: fig('100', '分'),
    grade: '优',
    stated: [],
    statements: [],
    analysis: [],
    place: at(10),
    funds: [
      { source: '资金总额', total: true, declared: fig('42'), initialBudget: fig('42'), annualBudget: fig('42'), executed: fig('42'), balance: fig('0'), rate: fig('100'), score: fig('10'), place: at(14) },
      { source: '市县区财政经费', total: false, declared: fig('42'), initialBudget: fig('42'), annualBudget: fig('42'), executed: fig('42'), balance: fig('0'), rate: fig('100.00'), score: fig('10.00'), place: at(15) },
    ],
    goals: [],
    indicators: [
      indicator(20, '产出指标', '数量指标', '工伤鉴定次数', '≥24次', '≥24次', '20', '20'),
      indicator(21, '产出指标', '质量指标', '档案保存完好率', '=100%', '=100%', '10', '10'),
      indicator(22, '产出指标', '时效指标', '档案用品采购', '年初', '完成预期指标', '10', '10'),
      indicator(23, '成本指标', '成本指标', '成本控制', '≤42万元', '42万元', '10', '10'),
      indicator(24, '效益指标', '社会效益指标', '保障档案完整', '保障', '完成预期指标', '30', '30'),
      indicator(25, '满意度指标', '服务对象满意度指标', '档案查阅人员满意度', '≥95%', '≥96%', '10', '10'),
    ],
  };
}

/** A Guangzhou department evaluation (seed 002's model): 管理效率 48 + 履职效能 49.998 = 97.998 优. */
export function department(): DepartmentEvaluation {
  return {
    kind: 'department',
    id: 'E1',
    name: '示例局部门整体支出',
    year: 2024,
    form: 'report',
    scheme: 'guangzhou-department',
    total: fig('97.998', '分'),
    grade: '优',
    stated: [{ text: '部门整体支出绩效自评结果为“优”，自评分值为97.998分。', score: fig('97.998', '分'), grade: '优', place: at(5) }],
    statements: [],
    analysis: [],
    place: at(3),
    funds: [],
    dimensions: [
      {
        name: '管理效率',
        weight: fig('50', '分'),
        score: fig('48.000', '分'),
        items: [
          { name: '采购合同签订时效性', weight: fig('3', '分'), score: fig('2', '分'), basis: '此项得2分（满分3分）。', place: at(40) },
          { name: '合同备案时效性', weight: fig('1', '分'), score: fig('0', '分'), basis: '此项得0分（满分1分）。', place: at(41) },
        ],
      },
      {
        name: '履职效能',
        weight: fig('50', '分'),
        score: fig('49.998', '分'),
        items: [
          { name: '预算执行情况', weight: fig('5', '分'), score: fig('4.99915', '分'), basis: '全年一般公共预算执行率为 99.83%；其余 3-11 月均超过序时进度，按 100%参与计算。该项得分为 4.99915 分（5 分*99.983%）。', place: at(30) },
          { name: '部门整体绩效完成情况', weight: fig('20', '分'), score: fig('20', '分'), basis: '共设置了 3 个具体绩效指标，均已完成年度目标值。', place: at(31) },
          { name: '专项资金支出情况', weight: fig('5', '分'), score: fig('4.999', '分'), basis: '市本级支出进度为99.98%。按评分标准得出该项得分为4.999分（5分*99.98%）。', place: at(32) },
          { name: '专项资金绩效完成情况', weight: fig('20', '分'), score: fig('20', '分'), basis: '均已完成年度目标值。', place: at(33) },
        ],
      },
    ],
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '城镇新增就业人数', table: '部门整体绩效产出指标完成情况表', target: '预期实现值：28 万人。', actual: '33.01 万人', place: at(50) },
      { level1: '产出指标', level2: '数量指标', name: '发放科研项目资助人数', table: '部门整体绩效产出指标完成情况表', target: '预期实现值：约 435 人。', actual: '490 人', place: at(51) },
      { level1: '效益指标', level2: '社会效益指标', name: '学生毕业率', table: '部门整体绩效效益指标完成情况表', target: '预期实现：≥90%。', actual: '已完成，达到 99.21%。', place: at(52) },
    ],
    counts: [
      { what: '绩效指标', value: fig('3', '个'), text: '共设置了 3 个具体绩效指标', place: at(31) },
      { what: '产出指标', value: fig('2', '个'), text: '产出指标共设置 2 个', place: at(53) },
    ],
  };
}

/** The example document with these evaluations instead of its own (none: without evaluations). */
export function withEvaluations(...evaluations: (ProjectEvaluation | DepartmentEvaluation)[]): Report {
  const r = exampleReport();
  if (evaluations.length > 0) r.evaluations = evaluations;
  else delete r.evaluations;
  return r;
}

/** A project evaluation changed by `change` (on a fresh copy). */
export function projectWith(change: (e: ProjectEvaluation) => void): Report {
  const e = project();
  change(e);
  return withEvaluations(e);
}

export function departmentWith(change: (e: DepartmentEvaluation) => void): Report {
  const e = department();
  change(e);
  return withEvaluations(e);
}
