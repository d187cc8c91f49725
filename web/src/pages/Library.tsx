/**
 * 报告库: search and filters kept in the URL (linkable), the reports with their error/warning
 * counts, paging, and the drop zone for uploads.
 */
import { useCallback, useEffect, useState } from 'react';
import { getJson, query, type ReportList } from '../api.js';
import { Counts } from '../components/Badges.js';
import { UploadZone } from '../components/Upload.js';
import { formatDateTime, KIND_NAMES, SCOPE_NAMES } from '../format.js';
import { navigate, type Location } from '../router.js';

const PAGE = 50;

/** The filters the URL holds, as the API names them. */
const FILTERS = ['q', 'region', 'year', 'kind', 'hasErrors', 'sort'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
}

/** Columns the library sorts by (the API's `sort`), and the direction a first click sorts in. */
const SORTABLE = { entity: 'entity', year: '-year', errors: '-errors', updated: '-updated' } as const;
type SortField = keyof typeof SORTABLE;
const DEFAULT_SORT = '-updated';

/** The sort after a click on a column's heading: its first direction, then the other way round. */
function nextSort(current: string, field: SortField): string {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return field;
  return SORTABLE[field];
}

/** `/api/regions` may answer a list of names or of `{region, count}`; either way, names. */
function regionNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : ((body as { items?: unknown[]; regions?: unknown[] })?.items ?? (body as { regions?: unknown[] })?.regions ?? []);
  return list
    .map((x) => (typeof x === 'string' ? x : ((x as { region?: string; name?: string }).region ?? (x as { name?: string }).name ?? '')))
    .filter((x): x is string => !!x);
}

export function LibraryPage({ loc }: { loc: Location }) {
  const filters = filtersOf(loc.params);
  const page = Math.max(1, Number(loc.params.get('page') ?? '1') || 1);
  const [data, setData] = useState<ReportList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [regions, setRegions] = useState<string[]>([]);
  const [q, setQ] = useState(filters.q);
  const [tick, setTick] = useState(0);

  const key = FILTERS.map((k) => filters[k]).join('|') + `|${page}|${tick}`;

  useEffect(() => {
    let live = true;
    setLoading(true);
    const hasErrors = filters.hasErrors === 'yes' ? true : filters.hasErrors === 'no' ? false : undefined;
    getJson<ReportList>(
      `/api/reports${query({ q: filters.q, region: filters.region, year: filters.year, kind: filters.kind, hasErrors, sort: filters.sort, limit: PAGE, offset: (page - 1) * PAGE })}`,
    )
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    getJson<unknown>('/api/regions')
      .then((b) => setRegions(regionNames(b)))
      .catch(() => setRegions([]));
  }, [tick]);

  // Typing searches after a pause; the URL keeps the query.
  useEffect(() => {
    if (q === filters.q) return;
    const t = setTimeout(() => setFilter('q', q), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const setFilter = (k: keyof Filters | 'page', v: string) => {
    const p = new URLSearchParams(loc.params);
    if (v) p.set(k, v);
    else p.delete(k);
    if (k !== 'page') p.delete('page');
    const s = p.toString();
    navigate(`/${s ? `?${s}` : ''}`, { replace: k === 'q' });
  };

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const sort = filters.sort || DEFAULT_SORT;
  /** A heading that sorts: a button in the cell, its state told to screen readers by aria-sort. */
  const sortHeading = (field: SortField, label: string, className?: string) => {
    const state = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
    const next = nextSort(sort, field);
    return (
      <th className={className} aria-sort={state}>
        <button
          type="button"
          className="sort"
          data-sort={field}
          title={`按${label}${next.startsWith('-') ? '降序' : '升序'}排列`}
          onClick={() => setFilter('sort', next === DEFAULT_SORT ? '' : next)}
        >
          {label}
          <span className="sort-mark" aria-hidden="true">
            {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear - i));

  return (
    <div className="library pad">
      <UploadZone onUploaded={refresh} />
      <div className="filters">
        <input
          type="search"
          placeholder="搜索单位名称、标题、文件名"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label="搜索"
          className="search"
        />
        <select value={filters.region} onChange={(e) => setFilter('region', e.target.value)} aria-label="地区">
          <option value="">全部地区</option>
          {filters.region && !regions.includes(filters.region) && <option value={filters.region}>{filters.region}</option>}
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <select value={filters.year} onChange={(e) => setFilter('year', e.target.value)} aria-label="年度">
          <option value="">全部年度</option>
          {filters.year && !years.includes(filters.year) && <option value={filters.year}>{filters.year}年度</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年度
            </option>
          ))}
        </select>
        <select value={filters.kind} onChange={(e) => setFilter('kind', e.target.value)} aria-label="类型">
          <option value="">全部类型</option>
          {Object.entries(KIND_NAMES).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <select value={filters.hasErrors} onChange={(e) => setFilter('hasErrors', e.target.value)} aria-label="有无错误">
          <option value="">有无错误：全部</option>
          <option value="yes">有错误</option>
          <option value="no">无错误</option>
        </select>
        <span className="muted total" data-testid="total">
          {loading ? '加载中……' : data ? `共 ${data.total} 份报告` : ''}
        </span>
      </div>
      {error && <div className="alert error">{error}</div>}
      <div className="table-wrap">
        <table className="grid reports" data-testid="reports">
          <thead>
            <tr>
              {sortHeading('entity', '单位')}
              <th>地区</th>
              {sortHeading('year', '年度', 'num')}
              <th>类型</th>
              <th>文件</th>
              {sortHeading('errors', '问题')}
              {sortHeading('updated', '更新时间', 'col-updated')}
            </tr>
          </thead>
          <tbody>
            {data?.items.map((r) => (
              <tr
                key={r.id}
                data-report-id={r.id}
                className="clickable"
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  navigate(`/reports/${r.id}`);
                }}
              >
                <td>
                  <a
                    href={`/reports/${r.id}`}
                    onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey) return;
                      e.preventDefault();
                      navigate(`/reports/${r.id}`);
                    }}
                  >
                    {r.entity || '（未识别单位）'}
                  </a>
                  {r.title && r.title !== r.entity && <div className="muted small ellipsis">{r.title}</div>}
                </td>
                <td className="nowrap">{r.region ?? <span className="muted">—</span>}</td>
                <td className="num">{r.year}</td>
                <td className="nowrap">
                  {KIND_NAMES[r.kind] ?? r.kind}
                  {r.scope && <span className="muted">（{SCOPE_NAMES[r.scope] ?? r.scope}）</span>}
                </td>
                <td className="ellipsis file" title={r.filename ?? ''}>
                  {r.filename}
                </td>
                <td>
                  <Counts errors={r.errors} warnings={r.warnings} />
                </td>
                <td className="muted small nowrap col-updated">{formatDateTime(r.updatedAt)}</td>
              </tr>
            ))}
            {data && data.items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted center">
                  没有符合条件的报告。可以把文件拖到上方导入。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {data && pages > 1 && (
        <div className="pager">
          <button disabled={page <= 1} onClick={() => setFilter('page', String(page - 1))}>
            上一页
          </button>
          <span>
            第 {page} / {pages} 页
          </span>
          <button disabled={page >= pages} onClick={() => setFilter('page', String(page + 1))}>
            下一页
          </button>
        </div>
      )}
    </div>
  );
}
