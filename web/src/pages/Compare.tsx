/**
 * 对比分析: one unit across years (`/compare?entity=…`) or many units in one year
 * (`/compare?year=…&entity=…&entity=…`, no entity = all units of the year) — totals, structure by
 * 功能分类 类, 基本/项目, “三公” and its parts, ratios — as tables and charts, with XLSX export
 * (the API's) and PNG/SVG export of each chart. Figures come from the store in 万元.
 */
import { useEffect, useMemo, useState } from 'react';
import { getJson, query } from '../api.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { formatAmount } from '../format.js';
import { Link, navigate, type Location } from '../router.js';

interface SanGong {
  total: number | null;
  abroad: number | null;
  reception: number | null;
  vehicles: number | null;
  vehiclePurchase: number | null;
  vehicleOperation: number | null;
}

/** One report's figures (src/store/compare.ts CompareItem), amounts in 万元. */
interface Figures {
  reportId: number;
  entity: string;
  region: string | null;
  year: number;
  income: number | null;
  expenditure: number | null;
  fiscalIncome: number | null;
  fiscalExpenditure: number | null;
  gpbExpenditure: number | null;
  basic: number | null;
  project: number | null;
  functions: { code: string; name: string; amount: number; share: number | null }[];
  sanGong: SanGong | null;
  sanGongBudget: SanGong | null;
  ratios: Record<'sanGongShare' | 'basicShare' | 'projectShare' | 'sanGongExecution' | 'gpbShare', number | null>;
}

interface Comparison {
  moneyUnit: string;
  items: Figures[];
}

interface EntityOption {
  entity: string;
  region: string | null;
  years: number[];
}

const PALETTE = ['#2f6fb5', '#e08a1e', '#3a9b5b', '#c0504d', '#7f5fb0', '#2aa3a3', '#b5883a', '#6a7b8c', '#d46aa5', '#5b8c2a', '#8c5b2a', '#4a4a9c'];

const amount = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatAmount(v, 2));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(2)}%`);

interface Metric {
  label: string;
  get: (f: Figures) => number | null | undefined;
  kind: 'amount' | 'percent';
  indent?: boolean;
}

const METRICS: Metric[] = [
  { label: '本年收入合计', get: (f) => f.income, kind: 'amount' },
  { label: '本年支出合计', get: (f) => f.expenditure, kind: 'amount' },
  { label: '财政拨款收入', get: (f) => f.fiscalIncome, kind: 'amount' },
  { label: '财政拨款支出', get: (f) => f.fiscalExpenditure, kind: 'amount' },
  { label: '一般公共预算财政拨款支出', get: (f) => f.gpbExpenditure, kind: 'amount' },
  { label: '基本支出', get: (f) => f.basic, kind: 'amount' },
  { label: '项目支出', get: (f) => f.project, kind: 'amount' },
  { label: '基本支出占比', get: (f) => f.ratios.basicShare, kind: 'percent' },
  { label: '项目支出占比', get: (f) => f.ratios.projectShare, kind: 'percent' },
  { label: '“三公”经费（决算数）', get: (f) => f.sanGong?.total, kind: 'amount' },
  { label: '因公出国（境）费', get: (f) => f.sanGong?.abroad, kind: 'amount', indent: true },
  { label: '公务用车购置及运行维护费', get: (f) => f.sanGong?.vehicles, kind: 'amount', indent: true },
  { label: '其中：公务用车购置费', get: (f) => f.sanGong?.vehiclePurchase, kind: 'amount', indent: true },
  { label: '其中：公务用车运行维护费', get: (f) => f.sanGong?.vehicleOperation, kind: 'amount', indent: true },
  { label: '公务接待费', get: (f) => f.sanGong?.reception, kind: 'amount', indent: true },
  { label: '“三公”经费（预算数）', get: (f) => f.sanGongBudget?.total, kind: 'amount' },
  { label: '“三公”预算执行率', get: (f) => f.ratios.sanGongExecution, kind: 'percent' },
  { label: '“三公”经费占本年支出比', get: (f) => f.ratios.sanGongShare, kind: 'percent' },
  { label: '一般公共预算拨款支出占比', get: (f) => f.ratios.gpbShare, kind: 'percent' },
];

function barOption(categories: string[], series: { name: string; data: (number | null)[]; stack?: string; type?: 'bar' | 'line' }[], unit: string): ChartOption {
  return {
    color: PALETTE,
    animationDuration: 300,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', name: unit },
    series: series.map((s) => ({ type: s.type ?? 'bar', name: s.name, data: s.data, ...(s.stack ? { stack: s.stack } : {}), barMaxWidth: 56, emphasis: { focus: 'series' } })),
  };
}

export function ComparePage({ loc }: { loc: Location }) {
  const entityParam = loc.params.getAll('entity');
  const yearParam = loc.params.get('year') ?? '';
  const mode: 'entity' | 'year' = yearParam || loc.params.get('mode') === 'year' ? 'year' : 'entity';
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [entities, setEntities] = useState<EntityOption[]>([]);
  const [entityText, setEntityText] = useState(mode === 'entity' ? (entityParam[0] ?? '') : '');
  const key = loc.params.toString();

  useEffect(() => {
    getJson<{ items: EntityOption[] }>('/api/entities?limit=1000')
      .then((b) => setEntities(b.items ?? []))
      .catch(() => setEntities([]));
  }, []);

  const apiUrl = mode === 'entity' ? (entityParam[0] ? `/api/compare/entity${query({ entity: entityParam[0] })}` : null) : yearParam ? `/api/compare/year${query({ year: yearParam, entity: entityParam })}` : null;

  useEffect(() => {
    if (!apiUrl) {
      setData(null);
      return;
    }
    let live = true;
    setLoading(true);
    getJson<Comparison>(apiUrl)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: Error) => live && (setError(e.message), setData(null)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const items = useMemo(() => data?.items ?? [], [data]);
  const unit = data?.moneyUnit ?? '万元';
  const labels = items.map((f) => (mode === 'entity' ? `${f.year}年` : f.entity));

  const years = useMemo(() => [...new Set(entities.flatMap((e) => e.years))].sort((a, b) => b - a), [entities]);
  const ofYear = entities.filter((e) => yearParam && e.years.includes(Number(yearParam)));

  const go = (params: Record<string, string | string[] | undefined>) => navigate(`/compare${query(params)}`);

  const charts = useMemo(() => {
    if (items.length === 0) return [];
    const classCodes = new Map<string, string>();
    for (const f of items) for (const c of f.functions) if (!classCodes.has(c.code)) classCodes.set(c.code, c.name);
    const codes = [...classCodes.keys()].sort();
    return [
      {
        id: 'totals',
        title: '收支总量',
        option: barOption(labels, [
          { name: '本年收入合计', data: items.map((f) => f.income) },
          { name: '本年支出合计', data: items.map((f) => f.expenditure) },
          { name: '财政拨款支出', data: items.map((f) => f.fiscalExpenditure) },
        ], unit),
      },
      {
        id: 'basic-project',
        title: '基本支出与项目支出',
        option: barOption(labels, [
          { name: '基本支出', data: items.map((f) => f.basic), stack: 'bp' },
          { name: '项目支出', data: items.map((f) => f.project), stack: 'bp' },
        ], unit),
      },
      {
        id: 'classes',
        title: '支出功能分类结构（类）',
        option: barOption(
          labels,
          codes.map((code) => ({ name: `${code} ${classCodes.get(code)}`, data: items.map((f) => f.functions.find((c) => c.code === code)?.amount ?? null), stack: 'cls' })),
          unit,
        ),
      },
      {
        id: 'three-public',
        title: '“三公”经费及其构成',
        option: barOption(labels, [
          { name: '因公出国（境）费', data: items.map((f) => f.sanGong?.abroad ?? null), stack: 'tp' },
          { name: '公务用车购置费', data: items.map((f) => f.sanGong?.vehiclePurchase ?? null), stack: 'tp' },
          { name: '公务用车运行维护费', data: items.map((f) => f.sanGong?.vehicleOperation ?? null), stack: 'tp' },
          { name: '公务接待费', data: items.map((f) => f.sanGong?.reception ?? null), stack: 'tp' },
          { name: '预算数', data: items.map((f) => f.sanGongBudget?.total ?? null), type: 'line' },
        ], unit),
      },
      {
        id: 'ratios',
        title: '比率（%）',
        option: barOption(labels, [
          { name: '基本支出占比', data: items.map((f) => f.ratios.basicShare) },
          { name: '“三公”占支出比', data: items.map((f) => f.ratios.sanGongShare) },
          { name: '“三公”预算执行率', data: items.map((f) => f.ratios.sanGongExecution) },
        ], '%'),
      },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  const classRows = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of items) for (const c of f.functions) if (!m.has(c.code)) m.set(c.code, c.name);
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [items]);

  return (
    <div className="compare pad">
      <div className="mode-tabs">
        <button className={mode === 'entity' ? 'primary' : ''} onClick={() => go({ entity: entityText || undefined })}>
          单位跨年度
        </button>
        <button className={mode === 'year' ? 'primary' : ''} onClick={() => go({ mode: 'year', year: yearParam || (years[0] ? String(years[0]) : undefined) })}>
          同年度多单位
        </button>
      </div>
      <div className="compare-controls">
        {mode === 'entity' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              go({ entity: entityText.trim() || undefined });
            }}
          >
            <input list="entity-list" value={entityText} onChange={(e) => setEntityText(e.target.value)} placeholder="输入或选择单位名称" aria-label="单位" className="wide" />
            <datalist id="entity-list">
              {entities.map((e) => (
                <option key={e.entity} value={e.entity}>
                  {e.years.join('、')}
                </option>
              ))}
            </datalist>
            <button type="submit" className="primary">
              比较
            </button>
          </form>
        ) : (
          <div className="year-controls">
            <label>
              年度：
              <select value={yearParam} onChange={(e) => go({ year: e.target.value })} aria-label="年度">
                <option value="">选择年度</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            {yearParam && ofYear.length > 0 && (
              <div className="entity-picks small">
                <span className="muted">单位（不选为全部）：</span>
                {ofYear.map((e) => {
                  const on = entityParam.includes(e.entity);
                  return (
                    <label key={e.entity} className="pick">
                      <input
                        type="checkbox"
                        checked={on}
                        onChange={() => go({ year: yearParam, entity: on ? entityParam.filter((x) => x !== e.entity) : [...entityParam, e.entity] })}
                      />
                      {e.entity}
                    </label>
                  );
                })}
              </div>
            )}
          </div>
        )}
        {apiUrl && data && (
          <a className="button small" href={`${apiUrl}${apiUrl.includes('?') ? '&' : '?'}format=xlsx`} download data-export="xlsx">
            导出 Excel
          </a>
        )}
      </div>
      {!apiUrl && <p className="muted">{mode === 'entity' ? '选择一个单位，比较它各年度的决算。' : '选择年度，比较该年度各单位的决算。'}</p>}
      {loading && <p className="muted">正在计算……</p>}
      {error && <div className="alert error">{error}</div>}
      {data && items.length > 0 && (
        <>
          <h2>
            {mode === 'entity' ? `${entityParam[0]} 历年决算比较` : `${yearParam}年度 ${items.length} 个单位决算比较`}
            <span className="muted small">（金额单位：{unit}）</span>
          </h2>
          <div className="table-wrap">
            <table className="grid compare-table" data-testid="compare-table">
              <thead>
                <tr>
                  <th>项目</th>
                  {items.map((f, i) => (
                    <th key={f.reportId} className="num">
                      <Link href={`/reports/${f.reportId}`}>{labels[i]}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {METRICS.map((m) => (
                  <tr key={m.label}>
                    <td className={m.indent ? 'indent' : ''}>{m.label}</td>
                    {items.map((f) => (
                      <td key={f.reportId} className="num">
                        {m.kind === 'amount' ? amount(m.get(f)) : pct(m.get(f))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {classRows.length > 0 && (
            <>
              <h3>支出功能分类（类）</h3>
              <div className="table-wrap">
                <table className="grid compare-table">
                  <thead>
                    <tr>
                      <th>科目</th>
                      {items.map((f, i) => (
                        <th key={f.reportId} className="num">
                          {labels[i]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {classRows.map(([code, name]) => (
                      <tr key={code}>
                        <td>
                          {code} {name}
                        </td>
                        {items.map((f) => {
                          const c = f.functions.find((x) => x.code === code);
                          return (
                            <td key={f.reportId} className="num">
                              {c ? (
                                <>
                                  {amount(c.amount)} <span className="muted small">{pct(c.share)}</span>
                                </>
                              ) : (
                                '—'
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <div className="charts">
            {charts.map((c) => (
              <Chart key={c.id} id={c.id} title={c.title} option={c.option} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
