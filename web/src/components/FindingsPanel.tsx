/** Findings by severity; a click goes to the finding's cell, row, table or sentence. */
import { useState } from 'react';
import type { Report } from '../api.js';
import { isActive, placeText, type Placed } from '../findings.js';

const GROUPS = [
  { key: 'error', title: '错误' },
  { key: 'warning', title: '警告' },
  { key: 'info', title: '提示（含尾数误差）' },
] as const;

export function FindingsPanel({ findings, report, onSelect }: { findings: Placed[]; report: Report; onSelect: (f: Placed) => void }) {
  const [open, setOpen] = useState<Record<string, boolean>>({ error: true, warning: true, info: false, other: false });
  const active = findings.filter(isActive);
  const other = findings.filter((f) => !isActive(f));
  const group = (title: string, key: string, list: Placed[]) => (
    <div className={`fgroup ${key}`} key={key} data-group={key}>
      <button className="fgroup-head" onClick={() => setOpen({ ...open, [key]: !open[key] })} aria-expanded={!!open[key]}>
        <span className={`badge ${key}`}>{list.length}</span> {title} <span className="muted">{open[key] ? '▾' : '▸'}</span>
      </button>
      {open[key] && (
        <ul>
          {list.map((f) => (
            <li key={f.fid} data-finding={f.fid} data-rule={f.ruleId} className={`finding ${f.severity}`} onClick={() => onSelect(f)}>
              <div className="finding-head">
                <span className="rule">{f.ruleId}</span>
                <span className="place muted small">{placeText(f, report)}</span>
              </div>
              <div className="finding-msg">{f.message}</div>
            </li>
          ))}
          {list.length === 0 && <li className="muted small">无</li>}
        </ul>
      )}
    </div>
  );
  return (
    <aside className="findings" data-testid="findings">
      <h3>校验结果</h3>
      {GROUPS.map((g) =>
        group(
          g.title,
          g.key,
          active.filter((f) => f.severity === g.key),
        ),
      )}
      {other.length > 0 && group('不适用 / 数据不足', 'other', other)}
    </aside>
  );
}
