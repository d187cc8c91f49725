/**
 * 报告页 and 编辑: the report's header and downloads, its tables as printed with the findings on
 * their cells, the narrative with faulty sentences highlighted, the findings by severity, and — in
 * edit mode (`?edit=1`) — cell and text corrections that are re-checked at once, with the audit
 * trail and the regenerated documents.
 */
import { useTextEdit } from '../useTextEdit.js';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { downloadUrl, getJson, getReport, sendJson, type AuditEntry, type Finding, type ReportDetail } from '../api.js';
import { Counts } from '../components/Badges.js';
import { Evaluations } from '../components/Evaluations.js';
import { FindingsPanel } from '../components/FindingsPanel.js';
import { Narrative } from '../components/Narrative.js';
import { TableView, type CellEdit } from '../components/TableView.js';
import { Tooltip, type TipState } from '../components/Tooltip.js';
import { cellKey, indexFindings, type Placed } from '../findings.js';
import { formatDateTime, formatSize, KIND_NAMES, SCOPE_NAMES } from '../format.js';
import { Link, navigate, type Location } from '../router.js';

const DOWNLOADS = [
  { format: 'json', label: 'JSON' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'docx', label: 'Word' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'pdf', label: 'PDF' },
  { format: 'source', label: '原文件' },
];

/** Scroll to an element and flash it, so the eye finds it. */
export function flash(el: Element | null): void {
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.remove('flash');
  void (el as HTMLElement).offsetWidth; // restart the animation
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1800);
}

function EditableText({ label, value, path, editable, onSave }: { label: string; value: string; path: string; editable: boolean; onSave: (path: string, value: string) => Promise<void> }) {
  const { text, setText, error, saving, save } = useTextEdit(onSave, path);
  if (!editable || text === null)
    return (
      <span className="editable-text" data-path={path}>
        {value || <span className="muted">（空）</span>}
        {editable && (
          <button className="small link" onClick={() => setText(value)} title={`修改${label}`}>
            修改
          </button>
        )}
      </span>
    );
  return (
    <span className="text-editor" data-path={path}>
      <input value={text} aria-label={label} disabled={saving} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => (e.key === 'Enter' ? void save() : e.key === 'Escape' && setText(null))} autoFocus />
      <button className="small" disabled={saving} onClick={() => void save()}>
        保存
      </button>
      <button className="small link" onClick={() => setText(null)}>
        取消
      </button>
      {error && <span className="error-text small">{error}</span>}
    </span>
  );
}

function auditList(body: unknown): AuditEntry[] {
  return (Array.isArray(body) ? body : ((body as { items?: AuditEntry[] })?.items ?? [])) as AuditEntry[];
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 80)}…`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('value' in o) return show(o['value']);
    return JSON.stringify(v);
  }
  return String(v);
}

function targetText(t: unknown, detail: ReportDetail): string {
  if (!t || typeof t !== 'object') return t === undefined || t === null ? '' : String(t);
  const o = t as Record<string, unknown>;
  if (o['table']) {
    const table = detail.report.tables.find((x) => x.id === o['table']);
    const row = table?.rows.find((r) => r.key === o['row']);
    const col = table?.columns.find((c) => c.key === o['column']);
    return `表${o['table']} ${row ? row.name : String(o['row'] ?? '')} ${col ? col.label : String(o['column'] ?? '')}`;
  }
  if (o['path']) {
    const path = String(o['path']);
    if (path.startsWith('/sections')) return path.endsWith('/title') ? '情况说明标题' : '情况说明段落';
    if (path.startsWith('/tables')) return path.endsWith('/title') ? '表名' : '行名';
    return ({ '/entity': '单位名称', '/title': '标题' } as Record<string, string>)[path] ?? path;
  }
  return JSON.stringify(t);
}

const ACTIONS: Record<string, string> = { 'edit-cell': '修改单元格', 'edit-text': '修改文字', recheck: '重新校验', import: '导入', cell: '修改单元格', text: '修改文字' };

export function ReportPage({ id, loc }: { id: number; loc: Location }) {
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tip, setTip] = useState<TipState | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = loc.params.get('edit') === '1';
  const noticeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A reload drops the tooltip: the element it explained may have lost its findings.
  const load = useCallback(() => getReport(id).then((d) => (setDetail(d), setError(null), setTip(null))), [id]);
  const loadAudit = useCallback(
    () =>
      getJson<unknown>(`/api/reports/${id}/audit`)
        .then((b) => setAudit(auditList(b)))
        .catch(() => setAudit([])),
    [id],
  );

  useEffect(() => {
    setDetail(null);
    load().catch((e: Error) => setError(e.message));
  }, [load]);
  useEffect(() => {
    if (editable) void loadAudit();
  }, [editable, loadAudit]);

  const index = useMemo(() => indexFindings(detail?.findings ?? []), [detail]);

  const say = (text: string) => {
    setNotice(text);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), 4000);
  };

  // After an edit the report is read again: the table shows what was stored, the findings what the re-check found.
  const afterEdit = async (res: { summary?: { errors: number; warnings: number } }) => {
    await load();
    void loadAudit();
    if (res.summary) say(`已保存并重新校验：错误 ${res.summary.errors}，警告 ${res.summary.warnings}`);
  };

  const saveCell = async (edit: CellEdit) => {
    const res = await sendJson<{ summary?: { errors: number; warnings: number } }>('PATCH', `/api/reports/${id}/cells`, edit);
    await afterEdit(res);
  };
  const saveText = async (path: string, value: string) => {
    const res = await sendJson<{ summary?: { errors: number; warnings: number } }>('PATCH', `/api/reports/${id}/text`, { path, value });
    await afterEdit(res);
  };
  const recheck = async () => {
    setBusy(true);
    try {
      const res = await sendJson<{ summary?: { errors: number; warnings: number } }>('POST', `/api/reports/${id}/check`);
      await afterEdit(res);
    } catch (e) {
      say((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!detail || !window.confirm(`确定删除“${detail.summary.entity} ${detail.summary.year}”这份报告吗？`)) return;
    try {
      await sendJson('DELETE', `/api/reports/${id}`);
      navigate('/');
    } catch (e) {
      say((e as Error).message);
    }
  };

  const onHover = useCallback((e: MouseEvent, findings: Finding[] | null, note?: string) => {
    if (!findings || findings.length === 0) return setTip(null);
    setTip({ x: e.clientX, y: e.clientY, findings, ...(note ? { note } : {}) });
  }, []);

  const selectFinding = (f: Placed) => {
    // A performance finding goes to its evaluation's card (to the row it names when there is one).
    const card = f.location.evaluation ? document.getElementById(`evaluation-${f.location.evaluation}`) : null;
    if (card) {
      const row = card.querySelector(`tr[data-f~="${f.fid}"]`);
      if (row) row.closest('details')?.setAttribute('open', '');
      return flash(row ?? card);
    }
    flash(document.querySelector(`[data-f~="${f.fid}"]`) ?? (f.location.table ? document.getElementById(`table-${f.location.table}`) : null));
  };

  if (error)
    return (
      <div className="pad">
        <div className="alert error">{error}</div>
        <Link href="/">返回报告库</Link>
      </div>
    );
  if (!detail) return <p className="pad muted">正在加载报告……</p>;

  const { summary, report, source } = detail;
  const setEdit = (on: boolean) => {
    const p = new URLSearchParams(loc.params);
    if (on) p.set('edit', '1');
    else p.delete('edit');
    const s = p.toString();
    navigate(`/reports/${id}${s ? `?${s}` : ''}`, { replace: true });
  };
  const tables = [...report.tables, ...(report.reconstructed ?? [])];
  const evaluations = report.evaluations ?? [];
  // What the reader or recognition could not do (a page that is a picture, a row not recognised).
  const readWarnings = (report.diagnostics ?? []).filter((d) => d.level === 'warning').map((d) => d.message);

  return (
    <div className="report-page">
      <div className="report-head pad">
        <div className="crumbs small">
          <Link href="/">报告库</Link> › {summary.entity}
        </div>
        <h1>
          <EditableText label="单位名称" value={report.entity} path="/entity" editable={editable} onSave={saveText} />
          <span className="year">{report.year}年度</span>
        </h1>
        <div className="subtitle">
          <EditableText label="标题" value={report.title} path="/title" editable={editable} onSave={saveText} />
        </div>
        <div className="meta small">
          <span>{KIND_NAMES[summary.kind] ?? summary.kind}</span>
          {summary.scope && <span>{SCOPE_NAMES[summary.scope] ?? summary.scope}</span>}
          {summary.region && <span>{summary.region}</span>}
          <span>金额单位：{report.moneyUnit}</span>
          {source && (
            <span className="muted">
              {source.filename}（{formatSize(source.size)}）
            </span>
          )}
          <span className="muted">更新于 {formatDateTime(summary.updatedAt)}</span>
          <span data-testid="report-counts">
            <Counts errors={summary.errors} warnings={summary.warnings} infos={summary.infos} />
          </span>
        </div>
        <div className="actions">
          <span className="downloads">
            下载：
            {DOWNLOADS.map((d) => (
              <a key={d.format} href={downloadUrl(id, d.format)} download data-format={d.format} className="button small">
                {d.label}
              </a>
            ))}
          </span>
          <span className="spacer" />
          <Link href={`/compare?entity=${encodeURIComponent(summary.entity)}`} className="button small">
            跨年度对比
          </Link>
          <button className={`small${editable ? ' primary' : ''}`} onClick={() => setEdit(!editable)} data-testid="edit-toggle">
            {editable ? '退出编辑' : '编辑'}
          </button>
        </div>
        {editable && (
          <div className="edit-bar small">
            编辑模式：点击表中金额即可修改，回车保存，保存后立即重新校验。
            <button className="small" onClick={() => void recheck()} disabled={busy}>
              重新校验
            </button>
            <span>重新生成：</span>
            <a className="button small primary" href={downloadUrl(id, 'docx')} download data-regenerate="docx">
              Word
            </a>
            <a className="button small primary" href={downloadUrl(id, 'pdf')} download data-regenerate="pdf">
              PDF
            </a>
            <span className="spacer" />
            <button className="small danger" onClick={() => void remove()}>
              删除报告
            </button>
          </div>
        )}
        {notice && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        {readWarnings.length > 0 && (
          <div className="alert warning small" data-testid="read-warnings">
            <strong>读取与识别：</strong>以下内容未能读取或识别，校验未涉及，请对照原文件核对。
            <ul>
              {readWarnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="report-body">
        <div className="report-main pad">
          <nav className="toc small">
            {tables.map((t) => (
              <a key={t.id} href={`#table-${t.id}`} onClick={(e) => (e.preventDefault(), flash(document.getElementById(`table-${t.id}`)))}>
                {t.label ?? `表${t.id}`}
              </a>
            ))}
            <a href="#narrative" onClick={(e) => (e.preventDefault(), document.getElementById('narrative')?.scrollIntoView())}>
              情况说明
            </a>
            {evaluations.length > 0 && (
              <a href="#evaluations" onClick={(e) => (e.preventDefault(), document.getElementById('evaluations')?.scrollIntoView())}>
                绩效自评
              </a>
            )}
          </nav>
          {tables.length === 0 && <p className="muted">文档中没有识别出标准决算表。</p>}
          {tables.map((t) => (
            <TableView key={t.id} table={t} tableIndex={report.tables.indexOf(t)} index={index} moneyUnit={report.moneyUnit} editable={editable && !t.rebuilt} onHover={onHover} onSave={saveCell} onSaveText={saveText} />
          ))}
          <section id="narrative">
            <h2>情况说明</h2>
            <Narrative
              sections={report.sections}
              facts={report.facts ?? []}
              findings={index.withSpan}
              onHover={onHover}
              {...(editable ? { onEditText: saveText } : {})}
              onFactClick={(fact) => fact.link && flash(document.querySelector(`[data-cell="${cellKey(fact.link.table, fact.link.row, fact.link.column)}"]`))}
            />
          </section>
          {evaluations.length > 0 && <Evaluations key={id} reportId={id} version={summary.updatedAt} evaluations={evaluations} findings={index.all} onHover={onHover} />}
          {editable && (
            <section className="audit" data-testid="audit">
              <h2>修改记录</h2>
              {audit === null && <p className="muted">加载中……</p>}
              {audit && audit.length === 0 && <p className="muted">尚无修改。</p>}
              {audit && audit.length > 0 && (
                <table className="grid">
                  <thead>
                    <tr>
                      <th>时间</th>
                      <th>操作人</th>
                      <th>操作</th>
                      <th>位置</th>
                      <th>原值</th>
                      <th>新值</th>
                    </tr>
                  </thead>
                  <tbody>
                    {audit.map((a, i) => (
                      <tr key={a.id ?? i}>
                        <td className="nowrap">{formatDateTime(a.at)}</td>
                        <td>{a.actor ?? ''}</td>
                        <td>{ACTIONS[a.action] ?? a.action}</td>
                        <td>{targetText(a.target, detail)}</td>
                        <td>{show(a.before)}</td>
                        <td>{show(a.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}
        </div>
        <FindingsPanel findings={index.all} report={report} onSelect={selectFinding} />
      </div>
      <Tooltip tip={tip} />
    </div>
  );
}
