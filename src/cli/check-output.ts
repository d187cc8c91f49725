/** How `juesuan check` prints: Chinese text grouped by table (colour on a terminal only), or JSON. */
import { styleText } from 'node:util';
import type { FileCheck } from '../check/batch.js';
import type { Finding, Severity } from '../model/finding.js';

export type MinSeverity = Severity;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function visible(f: Finding, min: MinSeverity): boolean {
  if (f.messageId === 'internal_error') return true;
  if (f.status === 'not_applicable' || f.status === 'insufficient_data') return min === 'info';
  return RANK[f.severity] <= RANK[min];
}

/** The JSON of the CLI contract (issue #3): files → findings → summary. */
export function toJson(checks: FileCheck[], min: MinSeverity): string {
  return (
    JSON.stringify(
      {
        files: checks.map((c) =>
          c.error
            ? { file: c.file, error: c.error }
            : {
                file: c.file,
                entity: c.report!.entity,
                year: c.report!.year,
                warnings: c.report!.warnings,
                findings: c.result!.findings
                  .filter((f) => visible(f, min))
                  .map((f) => ({
                    rule: f.ruleId,
                    severity: f.severity,
                    status: f.status,
                    table: f.location.table ?? null,
                    row: f.location.row ?? null,
                    column: f.location.column ?? null,
                    span: f.location.span ?? null,
                    page: f.location.page ?? null,
                    box: f.location.box ?? null,
                    sheet: f.location.sheet ?? null,
                    cell: f.location.cell ?? null,
                    expected: f.expected,
                    actual: f.actual,
                    difference: f.difference,
                    message: f.message,
                  })),
                summary: c.result!.summary,
              },
        ),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Where a finding is, for a reader of the file: 第3页 (PDF), 工作表“Z01 …”D12 (workbooks), 第N行 (the sentence's line). */
export function placeText(f: Finding): string {
  const parts: string[] = [];
  const { page, sheet, cell, span } = f.location;
  if (sheet !== undefined) {
    const row = cell !== undefined ? /^(\d+):\1$/.exec(cell) : null;
    parts.push(`工作表“${sheet}”${row ? `第${row[1]}行` : (cell ?? '')}`);
  } else if (page !== undefined) parts.push(`第${page}页`);
  if (span?.line && sheet === undefined) parts.push(`第${span.line}行`);
  return parts.length > 0 ? parts.join(' ') + ' ' : '';
}

export function toText(checks: FileCheck[], min: MinSeverity, colour: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(style, text) : text);
  const sev = (s: Severity) => paint(s === 'error' ? 'red' : s === 'warning' ? 'yellow' : 'gray', WORD[s]);
  const out: string[] = [];
  for (const c of checks) {
    if (c.error) {
      out.push(paint('red', `✗ ${c.file}：无法读取 —— ${c.error.message}`));
      out.push('');
      continue;
    }
    const r = c.report!;
    out.push(paint('bold', `${c.file}`) + `　${r.entity || '（未识别单位）'} ${r.year || ''}年度`);
    // What was not read or not recognised, before the findings: they are judged without it.
    if (r.warnings.length > 0) {
      out.push('  【读取与识别】');
      for (const w of r.warnings) out.push(`    ${paint('yellow', '注意')} ${w}`);
    }
    const findings = c.result!.findings.filter((f) => visible(f, min) && f.status !== 'not_applicable' && f.status !== 'insufficient_data');
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      // A narrative finding belongs with the sentence that is wrong, even when it names the cell it restates.
      const narrative = f.location.span !== undefined && (f.ruleId.startsWith('N-') || !f.location.table);
      const key = narrative ? '~narrative' : f.location.table ? f.location.table : '~document';
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const titleOf = (id: string) => r.tables.find((t) => t.id === id)?.title ?? '';
    for (const key of [...groups.keys()].sort()) {
      const label = key === '~narrative' ? '情况说明' : key === '~document' ? '全文' : `表${key} ${titleOf(key)}`;
      out.push(`  【${label}】`);
      for (const f of groups.get(key)!) {
        const where = placeText(f);
        out.push(`    ${sev(f.severity)} ${paint('dim', f.ruleId.padEnd(7))} ${where}${f.message}`);
      }
    }
    const s = c.result!.summary;
    const line = `  合计：错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}，不适用或数据不足 ${s.not_applicable}`;
    out.push(s.error > 0 ? paint('red', line) : s.warning > 0 ? paint('yellow', line) : paint('green', line));
    out.push('');
  }
  const read = checks.filter((c) => !c.error);
  if (checks.length > 1) {
    const withErrors = read.filter((c) => c.result!.summary.error > 0).length;
    out.push(`共 ${checks.length} 个文件：${read.length} 个已检查（其中 ${withErrors} 个有错误），${checks.length - read.length} 个无法读取。`);
  }
  return out.join('\n') + '\n';
}
