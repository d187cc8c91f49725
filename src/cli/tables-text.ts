/** A plain-text view of a Report's tables for the terminal (`--format tables`). */
import type { Report } from '../model/report.js';

const KIND: Record<string, string> = { 'final-accounts': '决算', budget: '预算', 'performance-evaluation': '绩效评价' };
const SCOPE: Record<string, string> = { department: '部门', unit: '单位' };

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function amount(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const [int, frac] = v.toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

export function formatTables(report: Report): string {
  const out: string[] = [];
  out.push(`${report.title}`);
  out.push(`单位：${report.entity}　年度：${report.year}　类型：${KIND[report.kind] ?? report.kind}（${report.scope ? SCOPE[report.scope] : '范围未知'}）　金额单位：${report.moneyUnit}`);
  out.push(`共识别 ${report.tables.length} 张表`);
  const rebuilt = report.reconstructed ?? [];
  const all = [...report.tables.map((t) => ({ t, rebuilt: false })), ...rebuilt.map((t) => ({ t, rebuilt: true }))];
  for (const [i, { t, rebuilt: isRebuilt }] of all.entries()) {
    if (isRebuilt && (i === 0 || !all[i - 1]!.rebuilt)) {
      out.push('');
      out.push('══ 根据情况说明重建的表（文档未印出，仅供核对） ══');
    }
    out.push('');
    out.push(`【表${t.id}】${t.title}${t.empty ? '（本表无数据）' : ''}　${t.rows.length} 行`);
    if (t.rebuilt) out.push(`说明：${t.rebuilt.note}`);
    const keys = [...new Set(t.rows.flatMap((r) => Object.keys(r.cells)))];
    const label = (r: (typeof t.rows)[number]) => `${r.code ? r.code + ' ' : ''}${r.name || (r.key === 'main' ? '“三公”经费' : r.key)}`;
    const labelWidth = Math.min(40, Math.max(8, ...t.rows.map((r) => width(label(r)))));
    const colWidth = Math.max(14, ...t.rows.flatMap((r) => Object.values(r.cells).map((v) => width(amount(v)))));
    const heading = (k: string) => {
      const label = t.columns.find((c) => c.key === k)?.label ?? '';
      const short = label.length > 6 ? label.slice(-6) : label;
      return k === 'amount' ? short || '金额' : `${k}.${short}`;
    };
    out.push(pad('项目', labelWidth) + keys.map((k) => pad(heading(k), colWidth + 2, true)).join(''));
    for (const r of t.rows) {
      out.push(pad(label(r), labelWidth) + keys.map((k) => pad(k in r.cells ? amount(r.cells[k]) : '', colWidth + 2, true)).join(''));
    }
  }
  return out.join('\n') + '\n';
}
