/**
 * Self-evaluations told in words: project evaluations written as paragraphs (项目一、…：自评等级为优秀，
 * 分数为100分 …), the 部门/单位整体 statement of the 情况说明 (全年预算数…执行数…完成预算的148.37%；
 * 自评结果为100分，绩效等次为：优), single projects stated in one sentence (…项目绩效自评情况：项目全年
 * 预算数为…), and attached 绩效评价报告 (综合自评得分100分；总体结论为良好).
 */
import type { Block, Document } from '../../model/document.js';
import { sourceOffset } from '../../model/document.js';
import type { DepartmentEvaluation, EvaluationPlace, EvaluationStatement, ProjectEvaluation, StatedResult } from '../../model/evaluation.js';
import { compact } from '../normalise.js';
import { findStatements, GRADE_WORD, textFigure } from './figure.js';

export interface Para {
  text: string;
  /** Source offset of text index i. */
  at: (i: number) => number;
  line: number;
  index: number;
}

export function paragraphs(doc: Document): Para[] {
  const out: Para[] = [];
  doc.blocks.forEach((b: Block, index) => {
    if (b.kind === 'table') return;
    out.push({ text: b.text, at: (i) => sourceOffset(b.pos, b.shifts, i), line: b.pos.line, index });
  });
  return out;
}

export function placeAt(p: Para, start = 0, end = p.text.length): EvaluationPlace {
  return { line: p.line, span: { start: p.at(start), end: p.at(end) } };
}

const CN_NUM = '[一二三四五六七八九十百零〇\\d]+';
/** 项目一、广清…补贴：  项目十九、公务员考试专项经费: */
const PROJECT_HEADING = new RegExp(`^(?:\\*\\*)?项目(${CN_NUM})[、.．:：]\\s*(.+?)[：:]?(?:\\*\\*)?$`);
/** The end of the evaluation part: the next 第N部分, 名词解释, 附件/附表. */
const PART_END = /^(?:#+\s*)?(?:\*\*)?(?:第[一二三四五六七八九十]+部分|名词解释|附件|附表)/;
const GRADE_LABEL = new RegExp(`(?:自评结果|评价结果|自评等级|评价等级|绩效等级|绩效等次|评价等次|等次|等级|自评结论|总体结论|评价结论|自评)\\s*(?:为|是|:|：)?\\s*[：:]?\\s*[“"「]?(${GRADE_WORD})(?![\\u4e00-\\u9fa5]{2})`);
const SCORE_LABEL = /(?:自评结果|自评分值|自评分数|综合自评得分|自评综合得分|综合得分|自评得分|得分|分数|评分|总分)\s*(?:为|是|:|：)?\s*[：:]?\s*(\d+(?:\.\d+)?)\s*分/;
const BARE_RESULT = new RegExp(`^[（(]?[一二三四五六七八九十]*[)）]?\\s*[“"]?(${GRADE_WORD})[”"]?\\s*(?:[，,、；;]\\s*(\\d+(?:\\.\\d+)?)\\s*分)?\\s*[。.]?$`);

/** Scores and grades stated in one paragraph, sentence by sentence. */
export function statedResults(p: Para): StatedResult[] {
  const out: StatedResult[] = [];
  const text = p.text;
  const bare = BARE_RESULT.exec(compact(text));
  if (bare && compact(text) === text.trim()) {
    const lead = text.length - text.trimStart().length;
    const res: StatedResult = { grade: bare[1]!, text: text.trim(), place: placeAt(p, lead, lead + text.trim().length) };
    if (bare[2]) {
      const i = text.indexOf(bare[2] + '分') >= 0 ? text.indexOf(bare[2]) : text.indexOf(bare[2]);
      res.score = textFigure(bare[2], '分', p.at(i), `${bare[2]}分`);
    }
    return [res];
  }
  const sentences = text.split(/(?<=[。；;！!])/);
  let from = 0;
  for (const s of sentences) {
    const start = from;
    from += s.length;
    const g = GRADE_LABEL.exec(s);
    let sc = SCORE_LABEL.exec(s);
    if (!g && !sc) continue;
    // A sentence with a grade word may give the score without a label: 自评等级优秀，92.5分.
    let scoreText = sc?.[1];
    let scoreAt = sc ? start + sc.index + sc[0].lastIndexOf(sc[1]!) : -1;
    if (!sc && g) {
      const bareScore = /(\d+(?:\.\d+)?)\s*分(?![值类项])/.exec(s);
      if (bareScore) {
        scoreText = bareScore[1]!;
        scoreAt = start + bareScore.index;
        sc = bareScore;
      }
    }
    const res: StatedResult = { text: s.trim(), place: placeAt(p, start, start + s.length) };
    if (g) res.grade = g[1]!;
    if (scoreText) {
      const printed = text.slice(scoreAt).match(/^\d+(?:\.\d+)?\s*分/)![0];
      res.score = textFigure(scoreText, '分', p.at(scoreAt), printed);
    }
    out.push(res);
  }
  return out;
}

function statementsOf(p: Para): EvaluationStatement[] {
  return findStatements(p.text, { line: p.line }, p.at(0)).map((s) => ({ ...s, place: { ...s.place, line: p.line } }));
}

function base(name: string, form: 'prose' | 'report', p: Para, year: number | undefined) {
  return { id: '', name, form, ...(year ? { year } : {}), stated: [] as StatedResult[], statements: [] as EvaluationStatement[], analysis: [], place: placeAt(p) };
}

function project(name: string, form: 'prose' | 'report', p: Para, year: number | undefined): ProjectEvaluation {
  return { kind: 'project', ...base(name, form, p, year), funds: [], goals: [], indicators: [] };
}

function department(name: string, form: 'prose' | 'report', p: Para, year: number | undefined): DepartmentEvaluation {
  return { kind: 'department', ...base(name, form, p, year), dimensions: [], indicators: [], counts: [], funds: [] };
}

/** Fill total/grade from the first stated score and grade. */
function settle<E extends ProjectEvaluation | DepartmentEvaluation>(e: E): E {
  const score = e.stated.find((s) => s.score)?.score;
  const grade = e.stated.find((s) => s.grade)?.grade;
  if (score && !e.total) e.total = score;
  if (grade && !e.grade) e.grade = grade;
  return e;
}

/** Project evaluations written as numbered paragraphs (项目一、… 项目三十四、…), one per heading. */
export function readProseProjects(doc: Document, year?: number): ProjectEvaluation[] {
  const paras = paragraphs(doc);
  const out: ProjectEvaluation[] = [];
  let current: ProjectEvaluation | undefined;
  for (const p of paras) {
    const t = compact(p.text);
    const h = PROJECT_HEADING.exec(t);
    if (h && h[2]!.length <= 60) {
      current = project(p.text.trim().replace(/^(?:\*\*)?项目[一二三四五六七八九十百零〇\d]+[、.．:：]\s*/, '').replace(/[：:]?(?:\*\*)?$/, ''), 'prose', p, year);
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (PART_END.test(t)) {
      current = undefined;
      continue;
    }
    // Only the evaluation's own result: the stated scores/grades of the first paragraph that states
    // any (自评等级：优。自评分数：100分。); later ones belong to sub-items or quote other years.
    const stated = statedResults(p);
    if (stated.length > 0 && current.stated.length === 0) current.stated.push(...stated);
    current.statements.push(...statementsOf(p));
  }
  return out.map(settle);
}

/** `X项目绩效自评情况：…` (one sentence per project) and `部门/单位整体支出绩效自评情况：…`. */
export function readStatedEvaluations(doc: Document, year?: number): (ProjectEvaluation | DepartmentEvaluation)[] {
  const paras = paragraphs(doc);
  const out: (ProjectEvaluation | DepartmentEvaluation)[] = [];
  for (const p of paras) {
    const re = /(?:^|[。；;\s])((?:(?:\d{4})年度?)?([^。；;：:]{2,60}?)绩效自评情况)[:：]/g;
    for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
      const subject = compact(m[2]!);
      if (/^\d+个|^[一二三四五六七八九十]+个/.test(subject)) continue; // 34个项目绩效自评情况: a summary, not one evaluation
      const start = m.index + m[0].indexOf(m[1]!);
      const rest = p.text.slice(start);
      const end = rest.search(/(?:主要是|完成情况|情况主要)[:：]|$/);
      const body: Para = { ...p, text: rest.slice(0, end), at: (i) => p.at(start + i) };
      const isDepartment = /(?:部门|单位)整体(?:支出)?$/.test(subject);
      if (!isDepartment && !/项目$|经费$|资金$/.test(subject)) continue;
      const name = isDepartment ? subject : subject.replace(/项目$/, '');
      const e = isDepartment ? department(name, 'prose', body, year) : project(name, 'prose', body, year);
      e.place = placeAt(p, start, start + body.text.length);
      e.statements.push(...findStatements(body.text, { line: p.line }, body.at(0)));
      e.stated.push(...statedResults(body));
      out.push(settle(e));
    }
  }
  return out;
}

const REPORT_TITLE = /(?:绩效(?:自)?评价报告|绩效自评报告)$/;

/** Attached 绩效评价报告 (each under its own title), with the score and conclusion they state. */
export function readReports(doc: Document, year?: number): (ProjectEvaluation | DepartmentEvaluation)[] {
  const paras = paragraphs(doc);
  const out: (ProjectEvaluation | DepartmentEvaluation)[] = [];
  let current: ProjectEvaluation | DepartmentEvaluation | undefined;
  for (const p of paras) {
    const t = compact(p.text).replace(/^#+/, '').replace(/\*\*/g, '');
    if (REPORT_TITLE.test(t) && t.length <= 80 && !/[，。；]/.test(t)) {
      const name = t
        .replace(REPORT_TITLE, '')
        .replace(/\d{4}年度?/, '')
        .replace(/(?:专项预算)?项目$|专项预算$/, '')
        .replace(/[（(].*?[)）]$/, '');
      const isDepartment = /部门(?:整体|预算)?(?:支出)?$|单位整体(?:支出)?$/.test(name) && !/项目|专项/.test(t);
      current = isDepartment ? department(name, 'report', p, year) : project(name, 'report', p, year);
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (PART_END.test(t)) {
      current = undefined;
      continue;
    }
    const stated = statedResults(p).filter((s) => s.score || /结论|自评|等级|等次/.test(s.text));
    current.stated.push(...stated);
    current.statements.push(...statementsOf(p));
  }
  // A department report whose score is stated only in the 情况说明 (…部门预算绩效（含部门预算项目）
  // 绩效自评得分为 91.4 分): take that statement.
  for (const e of out) {
    if (e.kind !== 'department' || e.stated.some((s) => s.score)) continue;
    for (const p of paras) {
      if (p.line >= e.place.line) break;
      if (!/(?:部门|单位)(?:整体|预算)/.test(p.text)) continue;
      const found = statedResults(p).filter((s) => s.score && /(?:部门|单位)(?:整体|预算)/.test(s.text));
      if (found.length > 0) {
        e.stated.push(found[0]!);
        break;
      }
    }
  }
  return out.map(settle);
}
