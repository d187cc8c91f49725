/**
 * `juesuan score FILE [--scheme national|national-steps|guangzhou-department] [--format text|json]`:
 * read a document, and for every performance self-evaluation print the printed total and grade beside
 * the recomputed ones, the execution-rate line and every indicator with its recomputed score
 * (src/check/performance/). Exit 0; 2 when the file cannot be read.
 */
import type { Command } from 'commander';
import {
  SCHEMES,
  formatExactish,
  formatRange,
  formatScore,
  isExact,
  scoreReport,
  scoresToJsonData,
  unknownSchemeMessage,
  type EvaluationScore,
  type ExecutionLine,
  type IndicatorScore,
  type ScoreRange,
} from '../check/performance/index.js';
import type { Rational } from '../check/narrative/interval.js';
import { extractFile } from '../index.js';
import { JuesuanError } from '../model/errors.js';

const FORM_WORD = { table: '自评表', prose: '文字说明', report: '自评报告' } as const;

export interface ScoreOptions {
  scheme?: string;
  format?: 'text' | 'json';
}

export { scoreReport };

function schemeOption(value: string | undefined): string | undefined {
  const wrong = unknownSchemeMessage(value);
  if (wrong) throw new JuesuanError('unsupported_format', wrong);
  return value;
}

const f2 = (r: Rational | undefined, d = 2): string => (r ? formatScore(r, d) : '—');
const fx = (r: Rational | undefined): string => (r ? formatExactish(r) : '—');

/** An amount in 万元 as a clerk reads it: thousands grouped (28,962.58万元). */
function money(r: Rational | undefined): string {
  if (!r) return '—';
  const text = formatExactish(r);
  const [int, frac] = text.replace(/^-/, '').split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${text.startsWith('-') ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}万元`;
}

function executionText(x: ExecutionLine, decimals: number): string {
  const parts = [
    x.source === 'table' ? '按表内数据' : '按文字所述',
    `预算数 ${money(x.budget)}`,
    `执行数 ${money(x.executed)}`,
    `执行率 ${x.rate ? formatScore(x.rate, 2) + '%' : '—'}${x.printedRate ? `（印刷 ${fx(x.printedRate)}%）` : ''}${x.statedRate ? `（文字 ${fx(x.statedRate)}%）` : ''}`,
    `分值 ${fx(x.weight)}`,
    `得分 ${f2(x.score, decimals)}${x.printedScore ? `（印刷 ${fx(x.printedScore)}）` : ''}`,
  ];
  // A negative balance is spending above the budget: a clerk reads it as 超支, not as a 结余 of −….
  if (x.balance && x.balance.num < 0n) parts.push(`超支 ${money({ num: -x.balance.num, den: x.balance.den })}（执行数大于预算数，执行率超过100%）`);
  else if (x.balance) parts.push(`结余 ${money(x.balance)}${x.printedBalance ? `（印刷 ${money(x.printedBalance)}）` : ''}`);
  return `${parts.join('，')}。${x.reason}`;
}

function indicatorLine(i: IndicatorScore): string {
  const ind = i.indicator;
  const cells = [
    ind.level1 || '—',
    ind.level2 || '—',
    ind.name || '—',
    `目标 ${ind.target ?? ind.initialTarget ?? '—'}`,
    `实际 ${ind.actual ?? '—'}`,
    `分值 ${fx(i.weight)}`,
    `印刷得分 ${fx(i.printed)}`,
    `重算得分 ${i.recomputed ? formatRange(i.recomputed, 2) : '—'}`,
  ];
  const mark = i.consistent === false || i.overWeight ? '✗' : i.consistent ? '✓' : '·';
  return `    ${mark} ${cells.join(' | ')}\n      说明：${i.reason}`;
}

function gradeNote(printed: string | undefined, recomputed: string | undefined): string {
  if (!printed || !recomputed) return '';
  return printed === recomputed ? '' : '（等级不同）';
}

function rangeText(r: ScoreRange, d: number): string {
  return isExact(r) ? formatScore(r.lo, d) : `${formatScore(r.lo, d)}–${formatScore(r.hi, d)}`;
}

/** The Chinese text report. */
export function scoresToText(file: string, scores: EvaluationScore[]): string {
  if (scores.length === 0) return `${file}：未识别到绩效自评（项目支出绩效自评表、部门整体支出绩效自评等）。\n`;
  const out: string[] = [`${file}：绩效自评 ${scores.length} 个`, ''];
  let gradeChanged = 0;
  let inconsistent = 0;
  let gradeMismatch = 0;
  scores.forEach((s, n) => {
    const d = s.scheme.decimals;
    out.push(`【${n + 1}】${s.name}（${s.kind === 'department' ? '部门整体' : '项目'}，${FORM_WORD[s.form]}；评分方案：${s.scheme.name}）`);
    const printedGrade = s.printedGrade ?? s.stated.find((x) => x.grade)?.grade;
    const printedTotal = s.printedTotal ?? s.stated.find((x) => x.score)?.score;
    const band = s.gradeOfPrinted ?? s.stated.find((x) => x.band)?.band;
    const printedNormal = s.printedGradeNormal ?? s.stated.find((x) => x.gradeNormal)?.gradeNormal;
    // The printed grade is judged against the printed total's band (P-R8): say so only when they differ.
    const bandNote = !printedTotal || !band ? '' : !printedGrade ? `（未印等级，按总分应为${band}）` : printedNormal && printedNormal !== band ? `（✗ 按总分${fx(printedTotal)}应为${band}，印刷等级不符）` : '';
    if (bandNote.includes('✗')) gradeMismatch++;
    out.push(`  印刷：总分 ${fx(printedTotal)}，等级 ${printedGrade ?? '—'}${bandNote}`);
    for (const st of s.stated) if (st.score || st.grade) out.push(`  文字：${st.text}${st.score && st.gradeNormal && st.band !== st.gradeNormal ? `（${fx(st.score)}分应为${st.band}，文字为${st.grade}）` : ''}`);
    const normal = printedNormal;
    if (s.total) {
      const label = s.kind === 'department' ? '重算' : '重算（按表内预算数）';
      out.push(`  ${label}：总分 ${formatScore(s.total.value, d)}，等级 ${s.total.grade}${gradeNote(normal, s.total.grade)}`);
    }
    if (s.totalAlternative) out.push(`  重算（按文字所述预算/执行率）：总分 ${formatScore(s.totalAlternative.value, d)}，等级 ${s.totalAlternative.grade}${gradeNote(normal, s.totalAlternative.grade)}`);
    if (s.byIndicators) out.push(`  按指标逐项重算：总分 ${rangeText(s.byIndicators.range, d)}，等级 ${s.byIndicators.grades.join('或')}`);
    if ((normal && s.total && normal !== s.total.grade) || (normal && s.totalAlternative && normal !== s.totalAlternative.grade)) gradeChanged++;
    if (s.execution) out.push(`  执行率：${executionText(s.execution, d)}`);
    if (s.alternative) out.push(`  执行率：${executionText(s.alternative, d)}`);
    if (s.department) {
      for (const dim of s.department.dimensions) {
        out.push(`  ${dim.name}：分值 ${fx(dim.weight)}，印刷得分 ${fx(dim.printed)}，重算 ${dim.value ? formatExactish(dim.value) : '—'}${dim.range && !isExact(dim.range) ? `（按指标逐项 ${rangeText(dim.range, d)}）` : ''}。${dim.reason}`);
        // Items the document only says 得满分 about (no 分值 printed) are listed on one line.
        const full = dim.items.filter((i) => !i.weight && !i.printed && /得满分/.test(i.basis ?? ''));
        if (full.length > 0) out.push(`    ✓ 注明“得满分”、未印分值的${full.length}项：${full.map((i) => i.name).join('、')}`);
        for (const item of dim.items.filter((i) => !full.includes(i))) {
          out.push(`    ${item.consistent === false ? '✗' : item.consistent ? '✓' : '·'} ${item.name}：分值 ${fx(item.weight)} | 印刷得分 ${fx(item.printed)} | 重算得分 ${item.value ? formatExactish(item.value) : '—'}${item.range && !isExact(item.range) ? `（${rangeText(item.range, d)}）` : ''}\n      说明：${item.reason}`);
          if (item.consistent === false) inconsistent++;
        }
      }
      if (s.department.value) out.push(`  合计：${s.department.dimensions.map((x) => formatExactish(x.value!)).join(' + ')} = ${formatExactish(s.department.value)} → ${formatScore(s.department.value, d)}`);
    }
    if (s.indicators.length > 0) {
      out.push('  指标（一级 | 二级 | 三级 | 目标 | 实际 | 分值 | 印刷得分 | 重算得分）：');
      for (const i of s.indicators) out.push(indicatorLine(i));
      inconsistent += s.indicators.filter((i) => i.consistent === false || i.overWeight).length;
    }
    if (s.level1.length > 0) out.push(`  一级指标分值：${s.level1.map((l) => `${l.group} ${fx(l.printedWeight)}${l.weight.num > 0n ? `/${fx(l.weight)}` : ''}`).join('，')}`);
    for (const note of s.notes) out.push(`  注意：${note}`);
    out.push('');
  });
  out.push(`汇总：${scores.length} 个绩效自评；印刷等级与印刷总分不符 ${gradeMismatch} 个；重算等级与印刷等级不同 ${gradeChanged} 个；印刷得分与重算不符的指标或评分项 ${inconsistent} 个。`);
  return out.join('\n') + '\n';
}

/** The JSON form (the shape lives in src/check/performance/json.ts, shared with the HTTP API). */
export function scoresToJson(file: string, scores: EvaluationScore[]): string {
  return JSON.stringify({ file, evaluations: scoresToJsonData(scores) }, null, 2) + '\n';
}

/** Read, score and format one file (what the command prints). */
export async function scoreFile(file: string, opts: ScoreOptions = {}): Promise<string> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new JuesuanError('unsupported_format', `不支持的输出格式“${String(format)}”（可选 text、json）`);
  const scheme = schemeOption(opts.scheme);
  const report = await extractFile(file);
  const scores = scoreReport(report, scheme);
  return format === 'json' ? scoresToJson(file, scores) : scoresToText(file, scores);
}

/** The `score` command, added to the program by src/cli/main.ts. */
export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('绩效自评重算：按评分方案重算执行率得分、指标得分、总分和等级，与印刷的对照')
    .argument('<file>', '文档文件路径')
    .option('--scheme <scheme>', `评分方案：${SCHEMES.map((s) => `${s.id}（${s.name}）`).join('、')}；省略时按自评本身判断`)
    .option('-f, --format <format>', '输出格式：text（中文说明，默认）或 json', 'text')
    .action(async (file: string, opts: { scheme?: string; format: string }) => {
      const out = await scoreFile(file, { scheme: opts.scheme, format: opts.format as 'text' | 'json' });
      await new Promise<void>((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
    });
}
