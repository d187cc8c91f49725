/** The explanation shown when hovering a highlighted cell or sentence. */
import type { Finding } from '../api.js';
import { SEVERITY_NAMES } from '../format.js';

export interface TipState {
  x: number;
  y: number;
  findings: Finding[];
  note?: string;
}

function value(v: number | string | null): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 6 }) : v;
}

export function Tooltip({ tip }: { tip: TipState | null }) {
  if (!tip) return null;
  const left = Math.min(tip.x + 12, window.innerWidth - 420);
  const below = tip.y + 16 < window.innerHeight - 220;
  return (
    <div className="tooltip" role="tooltip" style={{ left: Math.max(8, left), ...(below ? { top: tip.y + 16 } : { bottom: window.innerHeight - tip.y + 10 }) }}>
      {tip.note && <div className="tip-note">{tip.note}</div>}
      {tip.findings.map((f, i) => (
        <div key={i} className={`tip-item ${f.severity}`}>
          <div className="tip-head">
            <span className={`sev ${f.severity}`}>{f.status === 'round' ? '尾数误差' : (SEVERITY_NAMES[f.severity] ?? f.severity)}</span>
            <span className="rule">{f.ruleId}</span>
          </div>
          <div className="tip-msg">{f.message}</div>
          {(f.expected !== null || f.actual !== null) && (
            <div className="tip-values">
              应为 <b>{value(f.expected)}</b>
              {'　'}实际 <b>{value(f.actual)}</b>
              {f.difference !== null && (
                <>
                  {'　'}差额 <b>{value(f.difference)}</b>
                </>
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
