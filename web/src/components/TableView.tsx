/**
 * A standard table as printed: title and label, column labels, codes and names, amounts with the
 * table's decimals; cells with findings coloured by their worst severity. In edit mode a click on an
 * amount opens an input; Enter saves, Esc cancels.
 */
import { Fragment, useState, type MouseEvent } from 'react';
import type { Finding, Report } from '../api.js';
import { cellKey, rowKey, worst, type FindingIndex } from '../findings.js';
import { formatAmount, parseAmountInput } from '../format.js';
import { useTextEdit } from '../useTextEdit.js';

type Table = Report['tables'][number];
type Row = Table['rows'][number];
type Column = Table['columns'][number];

const fids = (fs: readonly Finding[]): string | undefined => fs.map((f) => (f as { fid?: string }).fid).join(' ') || undefined;

const SIDE_NAMES: Record<string, string> = { inc: '收入', exp: '支出' };

interface Side {
  prefix: string;
  name: string;
  rows: Row[];
  columns: Column[];
}

/**
 * A table printed as two halves side by side (收入 on the left, 支出 on the right: tables 01 and
 * 04): its rows fall into two runs of keys (`inc.…`, `exp.…`) that fill disjoint columns.
 */
function sideBySide(table: Table): [Side, Side] | null {
  const prefix = (r: Row) => r.key.split('.')[0]!;
  const first = table.rows[0];
  if (!first) return null;
  const split = table.rows.findIndex((r) => prefix(r) !== prefix(first));
  if (split < 0) return null;
  const left = table.rows.slice(0, split);
  const right = table.rows.slice(split);
  if (right.some((r) => prefix(r) !== prefix(right[0]!))) return null;
  const used = (rows: Row[]) => new Set(rows.flatMap((r) => [...Object.keys(r.cells).filter((k) => r.cells[k] !== null && r.cells[k] !== undefined), ...(r.dashes ?? [])]));
  const l = used(left);
  const r = used(right);
  if (l.size === 0 || r.size === 0 || [...l].some((k) => r.has(k))) return null;
  const side = (rows: Row[], keys: Set<string>): Side => ({
    prefix: prefix(rows[0]!),
    name: SIDE_NAMES[prefix(rows[0]!)] ?? '',
    rows,
    columns: table.columns.filter((c) => keys.has(c.key)),
  });
  return [side(left, l), side(right, r)];
}

export interface CellEdit {
  table: string;
  row: string;
  column: string;
  value: number | null;
}

/**
 * A table title or row name in edit mode: a click opens an input; Enter saves (PATCH …/text at
 * `path`, re-checked at once: names are checked against the catalogues), Esc cancels.
 */
function EditableLabel({ value, path, label, onSave }: { value: string; path: string; label: string; onSave: (path: string, value: string) => Promise<void> }) {
  const { text, setText, error, saving, save } = useTextEdit(onSave, path);
  if (text === null)
    return (
      <span className="editable-label" data-path={path} role="button" tabIndex={0} title={`点击修改${label}`} onClick={() => setText(value)} onKeyDown={(e) => e.key === 'Enter' && setText(value)}>
        {value || <span className="muted">（空）</span>}
      </span>
    );
  return (
    <span className="text-editor label-editor" data-path={path}>
      <input value={text} aria-label={label} disabled={saving} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => (e.key === 'Enter' ? void save() : e.key === 'Escape' && setText(null))} autoFocus />
      {error && <span className="error-text small">{error}</span>}
    </span>
  );
}

interface Props {
  table: Table;
  /** The table's place in report.tables (the JSON Pointer of its title and row names). */
  tableIndex: number;
  index: FindingIndex;
  moneyUnit: string;
  editable: boolean;
  onHover: (e: MouseEvent, findings: Finding[] | null) => void;
  onSave: (edit: CellEdit) => Promise<void>;
  /** Saves a corrected title or row name (edit mode). */
  onSaveText: (path: string, value: string) => Promise<void>;
}

export function TableView({ table, tableIndex, index, moneyUnit, editable, onHover, onSave, onSaveText }: Props) {
  const [editing, setEditing] = useState<{ row: string; column: string; text: string; error?: string; saving?: boolean } | null>(null);
  const hasCodes = table.rows.some((r) => r.code);
  const tableFindings = index.byTable.get(table.id) ?? [];
  const tableSev = worst(tableFindings);

  const save = async () => {
    if (!editing) return;
    const value = parseAmountInput(editing.text, table.decimals);
    if (value === undefined) {
      setEditing({ ...editing, error: `请输入金额，最多 ${table.decimals} 位小数` });
      return;
    }
    setEditing({ ...editing, saving: true, error: undefined });
    try {
      await onSave({ table: table.id, row: editing.row, column: editing.column, value });
      setEditing(null);
    } catch (e) {
      setEditing({ ...editing, saving: false, error: (e as Error).message });
    }
  };

  const labelCells = (row: Row | undefined, side: string) => {
    if (!row)
      return (
        <>
          {hasCodes && <td className="code" />}
          <td className="name" />
        </>
      );
    const rowFindings = index.byRow.get(rowKey(table.id, row.key)) ?? [];
    const rowSev = worst(rowFindings);
    return (
      <>
        {hasCodes && <td className="code">{row.code}</td>}
        <td
          className={`name${rowSev ? ` has-finding ${rowSev}` : ''}`}
          data-row={row.key}
          data-side={side || undefined}
          data-f={fids(rowFindings)}
          onMouseEnter={(e) => onHover(e, rowFindings.length ? rowFindings : null)}
          onMouseLeave={(e) => onHover(e, null)}
        >
          {editable ? <EditableLabel value={row.name} path={`/tables/${tableIndex}/rows/${table.rows.indexOf(row)}/name`} label="行名" onSave={onSaveText} /> : row.name}
        </td>
      </>
    );
  };

  const amountCell = (row: Row | undefined, c: Column) => {
    if (!row) return <td key={c.key} className="num" />;
    const key = cellKey(table.id, row.key, c.key);
    const fs = index.byCell.get(key) ?? [];
    const sev = worst(fs);
    const isEditing = editing && editing.row === row.key && editing.column === c.key;
    const v = row.cells[c.key];
    const text = row.dashes?.includes(c.key) ? '——' : formatAmount(v ?? null, table.decimals);
    return (
      <td
        key={c.key}
        className={`num cell${sev ? ` has-finding ${sev}` : ''}${editable ? ' editable' : ''}${isEditing ? ' editing' : ''}`}
        data-cell={key}
        data-f={fids(fs)}
        data-severity={sev ?? undefined}
        onMouseEnter={(e) => onHover(e, fs.length ? fs : null)}
        onMouseLeave={(e) => onHover(e, null)}
        onClick={
          editable && !isEditing
            ? () => setEditing({ row: row.key, column: c.key, text: v === null || v === undefined ? '' : formatAmount(v, table.decimals).replace(/,/g, '') })
            : undefined
        }
      >
        {isEditing ? (
          <span className="cell-editor">
            <input
              autoFocus
              value={editing.text}
              disabled={editing.saving}
              aria-label={`${row.name} ${c.label}`}
              onChange={(e) => setEditing({ ...editing, text: e.target.value, error: undefined })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
                if (e.key === 'Escape') setEditing(null);
              }}
            />
            <button className="small" disabled={editing.saving} onClick={() => void save()}>
              保存
            </button>
            <button className="small link" disabled={editing.saving} onClick={() => setEditing(null)}>
              取消
            </button>
            {editing.error && <span className="cell-error">{editing.error}</span>}
          </span>
        ) : (
          text
        )}
      </td>
    );
  };

  const labelHeads = (
    <>
      {hasCodes && <th className="code">科目编码</th>}
      <th className="name">项目</th>
    </>
  );
  const pair = sideBySide(table);

  return (
    <section className="report-table" id={`table-${table.id}`} data-table={table.id}>
      <h3
        className={tableSev ? `has-finding ${tableSev}` : ''}
        data-f={fids(tableFindings)}
        onMouseEnter={(e) => onHover(e, tableFindings.length ? tableFindings : null)}
        onMouseLeave={(e) => onHover(e, null)}
      >
        {table.label && <span className="table-label">{table.label}</span>}{' '}
        {editable ? <EditableLabel value={table.title} path={`/tables/${tableIndex}/title`} label="表名" onSave={onSaveText} /> : table.title}
        {table.rebuilt && <span className="muted small">（由情况说明重建，非原文表格）</span>}
      </h3>
      <div className="table-meta muted small">
        {table.header?.entity && <span>单位：{table.header.entity}　</span>}
        {table.header?.year && <span>{table.header.year}年度　</span>}
        <span>金额单位：{table.header?.unit ?? moneyUnit}</span>
        {table.empty && <span>　本表无数据</span>}
      </div>
      <div className="table-wrap">
        {pair ? (
          // Printed side by side (收入 | 支出), as tables 01 and 04 are.
          <table className="grid printed side-by-side">
            <thead>
              <tr>
                {pair.map((side) => (
                  <th key={side.prefix} colSpan={side.columns.length + (hasCodes ? 2 : 1)} className="center group">
                    {side.name}
                  </th>
                ))}
              </tr>
              <tr>
                {pair.map((side) => (
                  <Fragment key={side.prefix}>
                    {labelHeads}
                    {side.columns.map((c) => (
                      <th key={c.key} className="num" title={`第${c.key}栏`}>
                        {c.label}
                      </th>
                    ))}
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.max(pair[0].rows.length, pair[1].rows.length) }, (_, i) => (
                <tr key={i}>
                  {pair.map((side) => (
                    <Fragment key={side.prefix}>
                      {labelCells(side.rows[i], side.prefix)}
                      {side.columns.map((c) => amountCell(side.rows[i], c))}
                    </Fragment>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="grid printed">
            <thead>
              <tr>
                {labelHeads}
                {table.columns.map((c) => (
                  <th key={c.key} className="num" title={`第${c.key}栏`}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key} data-row={row.key}>
                  {labelCells(row, '')}
                  {table.columns.map((c) => amountCell(row, c))}
                </tr>
              ))}
              {table.rows.length === 0 && (
                <tr>
                  <td colSpan={table.columns.length + (hasCodes ? 2 : 1)} className="muted center">
                    本表无数据
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
