/**
 * 绩效自评: one compact card per performance self-evaluation of the report — the printed 总分/等级
 * beside the recomputed ones (GET /api/reports/:id/scores, the same data as `juesuan score`), the
 * funds line with its execution rate printed and recomputed, and the indicator table on demand.
 * P-rule findings are attached to their card (location.evaluation) and, when they name the line of
 * the funds row or of an indicator, to that row.
 */
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { EvaluationScoreJson, ExecutionLineJson, RangeJson, TotalJson } from '../../../src/check/performance/json-types.js';
import { SCHEMES } from '../../../src/check/performance/schemes.js';
import { getJson, type Finding, type Report } from '../api.js';
import { isActive, worst, type Placed } from '../findings.js';
import { formatUnits, SEVERITY_NAMES } from '../format.js';

type Evaluation = NonNullable<Report['evaluations']>[number];

export interface ScoresResponse {
  id: number;
  scheme: string | null;
  evaluations: EvaluationScoreJson[];
}

const FORM_NAMES: Record<string, string> = { table: '自评表', prose: '文字', report: '报告' };
const KIND_NAMES: Record<string, string> = { project: '项目', department: '部门整体' };

/** A number with at most `max` places, trailing zeros dropped (29.099, 90): display only. */
function plain(n: number | null | undefined, max = 4): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const units = Math.round(n * 10 ** max);
  return formatUnits(units, max).replace(/\.?0+$/, '');
}
/** A score with the scheme's places (6.93). */
function fixed(n: number | null | undefined, places = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return formatUnits(Math.round(n * 10 ** places), places);
}
const pct = (n: number | null | undefined, places = 2) => (n === null || n === undefined ? '—' : `${fixed(n, places)}%`);
function range(r: RangeJson | null, places = 2): string {
  if (!r) return '—';
  return r.lo === r.hi ? fixed(r.lo, places) : `${fixed(r.lo, places)}–${fixed(r.hi, places)}`;
}

/** The recomputed total differs from the printed one (as printed, at the scheme's places) or its grade from the printed grade. */
function differs(t: TotalJson, printed: EvaluationScoreJson['printed']): boolean {
  if (printed.total !== null && Math.round(Number(t.total_text) * 1000) !== Math.round(printed.total * 1000)) return true;
  return printed.grade_normalised !== null && printed.grade_normalised !== t.grade;
}

const departmentInconsistent = (s: EvaluationScoreJson) => s.department?.dimensions.reduce((n, d) => n + d.items.filter((i) => i.consistent === false).length, 0) ?? 0;
const fids = (fs: readonly Placed[]) => (fs.length > 0 ? fs.map((f) => f.fid).join(' ') : undefined);
const mark = (fs: readonly Placed[]) => (fs.length > 0 ? ` has-finding ${worst(fs)}` : '');

interface Props {
  reportId: number;
  /** Changes when the report is saved again: the scores are fetched anew. */
  version: string;
  evaluations: Evaluation[];
  findings: Placed[];
  onHover: (e: MouseEvent, findings: Finding[] | null, note?: string) => void;
}

export function Evaluations({ reportId, version, evaluations, findings, onHover }: Props) {
  const [scheme, setScheme] = useState('');
  const [data, setData] = useState<ScoresResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    getJson<ScoresResponse>(`/api/reports/${reportId}/scores${scheme ? `?scheme=${encodeURIComponent(scheme)}` : ''}`)
      .then((d) => live && setData(d))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [reportId, scheme, version]);

  const byEvaluation = useMemo(() => {
    const m = new Map<string, Placed[]>();
    for (const f of findings) {
      const id = f.location.evaluation;
      if (!id || !isActive(f)) continue;
      const list = m.get(id);
      if (list) list.push(f);
      else m.set(id, [f]);
    }
    return m;
  }, [findings]);

  return (
    <section id="evaluations" data-testid="evaluations">
      <div className="evaluations-head">
        <h2>绩效自评</h2>
        <label className="small">
          评分方案：
          <select value={scheme} onChange={(e) => setScheme(e.target.value)} aria-label="评分方案">
            <option value="">按自评本身判断</option>
            {SCHEMES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <div className="alert error">{error}</div>}
      {!data && !error && <p className="muted">正在重算……</p>}
      {data &&
        data.evaluations.map((s) => (
          <EvaluationCard key={s.id} score={s} evaluation={evaluations.find((e) => e.id === s.id)} findings={byEvaluation.get(s.id) ?? []} onHover={onHover} />
        ))}
    </section>
  );
}

function TotalLine({ label, total, printed, testid }: { label: string; total: TotalJson; printed: EvaluationScoreJson['printed']; testid: string }) {
  const bad = differs(total, printed);
  return (
    <div className={`eval-total${bad ? ' mismatch' : ''}`} data-testid={testid}>
      <span className="muted">{label}</span>
      <strong>{total.total_text}</strong> 分，等级 <strong>{total.grade}</strong>
      {bad && <span className="mismatch-note">与印刷不符</span>}
    </div>
  );
}

function FundsRow({ label, x, findings, onHover }: { label: string; x: ExecutionLineJson; findings: Placed[]; onHover: Props['onHover'] }) {
  const rateBad = x.printed_rate !== null && x.rate !== null && Math.round(x.rate * 100) !== Math.round(x.printed_rate * 100);
  const statedBad = x.stated_rate !== null && x.rate !== null && Math.abs(x.rate - x.stated_rate) >= 0.5;
  const scoreBad = x.printed_score !== null && x.score !== null && Math.round(x.score * 100) !== Math.round(x.printed_score * 100);
  return (
    <tr
      className={`funds-row${mark(findings)}`}
      data-source={x.source}
      data-f={fids(findings)}
      title={x.reason}
      onMouseMove={(e) => onHover(e, findings.length ? findings : null, x.reason)}
      onMouseLeave={(e) => onHover(e, null)}
    >
      <td>{label}</td>
      <td className="num">{plain(x.budget)}</td>
      <td className="num">{plain(x.executed)}</td>
      <td className="num">{x.printed_rate !== null ? `${plain(x.printed_rate)}%` : x.stated_rate !== null ? `文字 ${plain(x.stated_rate)}%` : '—'}</td>
      <td className={`num${rateBad || statedBad ? ' mismatch' : ''}`}>{pct(x.rate)}</td>
      <td className="num">{plain(x.weight)}</td>
      <td className="num">{plain(x.printed_score)}</td>
      <td className={`num${scoreBad ? ' mismatch' : ''}`}>{fixed(x.score)}</td>
      <td className="num">{x.balance === null ? '—' : x.balance < 0 ? `超支 ${plain(-x.balance)}` : plain(x.balance)}</td>
    </tr>
  );
}

function EvaluationCard({ score: s, evaluation, findings, onHover }: { score: EvaluationScoreJson; evaluation: Evaluation | undefined; findings: Placed[]; onHover: Props['onHover'] }) {
  // Findings on a line of the card's funds row or of an indicator go to that row; the rest to the card.
  const fundsLine = evaluation?.funds.find((f) => f.total)?.place.line ?? evaluation?.funds[0]?.place.line;
  const lineOf = (f: Placed) => f.location.span?.line;
  const fundsFindings = findings.filter((f) => fundsLine !== undefined && lineOf(f) === fundsLine);
  const indicatorLines = evaluation && evaluation.indicators.length === s.indicators.length ? evaluation.indicators.map((i) => i.place.line) : [];
  const rowFindings = (j: number) => findings.filter((f) => indicatorLines[j] !== undefined && lineOf(f) === indicatorLines[j]);
  const inconsistent = s.indicators.filter((i) => i.consistent === false).length;
  const mismatch = [s.recomputed, s.recomputed_stated].some((t) => t && differs(t, s.printed));
  const printedGrade = s.printed.grade ?? s.stated.find((x) => x.grade)?.grade ?? null;
  const printedTotal = s.printed.total ?? s.stated.find((x) => x.score !== null)?.score ?? null;

  return (
    <article className={`evaluation-card${mismatch ? ' mismatch' : ''}${mark(findings)}`} id={`evaluation-${s.id}`} data-evaluation={s.id} data-f={fids(findings)}>
      <header className="evaluation-title">
        <span className="eval-id">{s.id}</span>
        <h3>{s.name}</h3>
        <span className="tag">{FORM_NAMES[s.form] ?? s.form}</span>
        <span className="muted small">{KIND_NAMES[s.kind] ?? s.kind}</span>
        {findings.length > 0 && (
          <span className="small">
            {(['error', 'warning', 'info'] as const).map((sev) => {
              const n = findings.filter((f) => f.severity === sev).length;
              return n > 0 ? (
                <span key={sev} className={`badge ${sev}`} title={`${SEVERITY_NAMES[sev]} ${n} 个`}>
                  {n}
                </span>
              ) : null;
            })}
          </span>
        )}
      </header>
      <div className="eval-totals">
        <div className="eval-total printed" data-testid="printed-total">
          <span className="muted">印刷</span>
          <strong>{plain(printedTotal)}</strong> 分，等级 <strong>{printedGrade ?? '—'}</strong>
          {s.printed.grade_of_total && s.printed.grade_normalised && s.printed.grade_of_total !== s.printed.grade_normalised && <span className="mismatch-note">按总分应为{s.printed.grade_of_total}</span>}
        </div>
        {s.recomputed && <TotalLine label={s.kind === 'department' ? '重算' : '重算（按表内预算数）'} total={s.recomputed} printed={s.printed} testid="recomputed-total" />}
        {s.recomputed_stated && <TotalLine label="重算（按文字所述预算数）" total={s.recomputed_stated} printed={s.printed} testid="recomputed-stated-total" />}
        {s.by_indicators && (
          <div className="eval-total muted small">
            按指标逐项重算：{range(s.by_indicators)} 分（{s.by_indicators.grades.join('或')}）
          </div>
        )}
      </div>
      {(s.execution || s.execution_stated) && (
        <div className="table-wrap eval-funds">
          <table className="grid">
            <thead>
              <tr>
                <th>资金</th>
                <th className="num">全年预算数</th>
                <th className="num">全年执行数</th>
                <th className="num">执行率（印刷）</th>
                <th className="num">执行率（重算）</th>
                <th className="num">分值</th>
                <th className="num">得分（印刷）</th>
                <th className="num">得分（重算）</th>
                <th className="num">结余</th>
              </tr>
            </thead>
            <tbody>
              {s.execution && <FundsRow label="按表内数据" x={s.execution} findings={fundsFindings} onHover={onHover} />}
              {s.execution_stated && <FundsRow label="按文字所述" x={s.execution_stated} findings={[]} onHover={onHover} />}
            </tbody>
          </table>
        </div>
      )}
      {findings.length > 0 && (
        <ul className="eval-findings">
          {findings.map((f) => (
            <li key={f.fid} className={`finding ${f.severity}`} data-rule={f.ruleId}>
              <span className="rule">{f.ruleId}</span> {f.message}
            </li>
          ))}
        </ul>
      )}
      {s.department && (
        <div className="table-wrap eval-department">
          <table className="grid">
            <thead>
              <tr>
                <th>评分维度</th>
                <th className="num">分值</th>
                <th className="num">得分</th>
                <th className="num">重算得分</th>
                <th>说明</th>
              </tr>
            </thead>
            <tbody>
              {s.department.dimensions.map((d) => (
                <tr key={d.name} className="dimension">
                  <td>{d.name}</td>
                  <td className="num">{plain(d.weight)}</td>
                  <td className="num">{plain(d.printed)}</td>
                  <td className={`num${d.printed !== null && d.recomputed !== null && Math.round(d.printed * 1000) !== Math.round(d.recomputed * 1000) ? ' mismatch' : ''}`}>{d.recomputed !== null ? plain(d.recomputed, 5) : range(d.range, 3)}</td>
                  <td className="small">{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.department && s.department.dimensions.some((d) => d.items.length > 0) && (
        <details className="eval-indicators eval-items">
          <summary>
            评分项 {s.department.dimensions.reduce((n, d) => n + d.items.length, 0)} 项
            {departmentInconsistent(s) > 0 && <span className="error-text">，得分与重算不符 {departmentInconsistent(s)} 项</span>}
          </summary>
          <div className="table-wrap">
            <table className="grid">
              <thead>
                <tr>
                  <th>评分维度</th>
                  <th>评分项</th>
                  <th className="num">分值</th>
                  <th className="num">得分</th>
                  <th className="num">重算得分</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {s.department.dimensions.flatMap((d) =>
                  d.items.map((i, k) => (
                    <tr key={`${d.name}-${k}`} className="item-row">
                      <td>{k === 0 ? d.name : ''}</td>
                      <td>{i.name}</td>
                      <td className="num">{plain(i.weight)}</td>
                      <td className="num">{plain(i.printed)}</td>
                      <td className={`num${i.consistent === false ? ' mismatch' : ''}`}>{i.recomputed !== null ? plain(i.recomputed, 5) : range(i.range, 3)}</td>
                      <td className="small">{i.reason}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {s.indicators.length > 0 && (
        <details className="eval-indicators">
          <summary>
            绩效指标 {s.indicators.length} 项
            {inconsistent > 0 && <span className="error-text">，得分与重算不符 {inconsistent} 项</span>}
          </summary>
          <div className="table-wrap">
            <table className="grid">
              <thead>
                <tr>
                  <th>一级指标</th>
                  <th>二级指标</th>
                  <th>三级指标</th>
                  <th>目标</th>
                  <th>实际</th>
                  <th className="num">分值</th>
                  <th className="num">得分</th>
                  <th className="num">重算得分</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {s.indicators.map((i, j) => {
                  const fs = rowFindings(j);
                  return (
                    <tr key={j} className={`indicator-row${mark(fs)}`} data-f={fids(fs)} onMouseMove={(e) => fs.length && onHover(e, fs)} onMouseLeave={(e) => onHover(e, null)}>
                      <td>{i.level1 || '—'}</td>
                      <td>{i.level2 || '—'}</td>
                      <td>{i.name || '—'}</td>
                      <td>{i.target ?? '—'}</td>
                      <td>{i.actual ?? '—'}</td>
                      <td className="num">{plain(i.weight)}</td>
                      <td className="num">{plain(i.printed)}</td>
                      <td className={`num${i.consistent === false ? ' mismatch' : ''}`}>{range(i.recomputed)}</td>
                      <td className="small">{i.reason}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {s.notes.length > 0 && (
        <ul className="eval-notes small muted">
          {s.notes.map((n, k) => (
            <li key={k}>注意：{n}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
