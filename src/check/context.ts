/**
 * The RuleContext a rule's check function receives: access to cells in integer units, and the
 * shared comparisons (sum with the rounding envelope, equality, at-most) that turn differences into
 * findings with expected/actual/difference and a clerk-readable message.
 */
import { toUnits } from '../model/amount.js';
import type { Finding } from '../model/finding.js';
import type { Report, Table } from '../model/report.js';
import { formatSigned, formatUnits, unitsToNumber } from './format.js';
import type { CellRef, CompareInput, Operand, ReportInput, RuleContext, RuleMeta, SumInput } from './types.js';

/** Tables whose amounts the document prints: read whole when every printed row was keyed. */
export function readWhole(table: Table): boolean {
  return table.recognition.unmatchedRows.length === 0 && table.recognition.badCells === 0;
}

const ROW_LABELS: Record<string, string> = {
  total: '合计行',
  personnel_total: '人员经费合计',
  public_total: '公用经费合计',
  main: '',
};

/** Where a message template wants the tolerance note; the rest of the template is the next step. */
const TOLERANCE_NOTE = /\{\{\s*toleranceNote\s*\}\}/;

function isCell(o: Operand): o is CellRef {
  return 'table' in o;
}

export function render(template: string, data: Record<string, string | number>, ruleId: string, messageId: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => {
    if (!(key in data)) throw new Error(`${ruleId} message "${messageId}" needs {{${key}}}`);
    return String(data[key]);
  });
}

export function createContext(report: Readonly<Report>, meta: RuleMeta, sink: Finding[]): RuleContext {
  const tables = new Map(report.tables.map((t) => [t.id, t]));
  const decimals = Math.max(2, ...report.tables.map((t) => t.decimals));
  const scale = 10 ** decimals;
  const unit = report.moneyUnit;
  let closed = false; // after not_applicable / insufficient_data for the whole rule, nothing more is said

  const table = (id: string) => tables.get(id);
  const row = (t: string, key: string) => tables.get(t)?.rows.find((r) => r.key === key);

  const units = (ref: CellRef): number | undefined => {
    const r = row(ref.table, ref.row);
    if (!r || !(ref.column in r.cells)) return undefined;
    const v = r.cells[ref.column];
    return v === null || v === undefined ? 0 : toUnits(v, decimals);
  };

  const describe = (ref: CellRef): string => {
    const t = tables.get(ref.table);
    const r = row(ref.table, ref.row);
    const title = t?.title ?? `表${ref.table}`;
    const rowLabel = ref.row in ROW_LABELS ? ROW_LABELS[ref.row]! : r ? (r.code ? `${r.code} ${r.name}` : r.name) : ref.row;
    const oneColumn = ref.column === 'amount' || ref.table === '01' || (ref.table === '04' && ref.column === '1');
    const column = oneColumn ? '' : (t?.columns.find((c) => c.key === ref.column)?.label ?? `第${ref.column}栏`);
    return [title, rowLabel, column].filter((s) => s !== '').join(' ');
  };

  const money = (u: number) => formatUnits(u, decimals);
  // Tolerances are multiples of half a printed unit (0.035 = env(6)): display only, never summed.
  const tolText = (u: number) => String(Number((u / scale).toFixed(decimals + 2)));

  const push = (input: ReportInput, messageOverride?: string) => {
    const template = meta.messages[input.messageId];
    if (template === undefined) throw new Error(`${meta.id}: unknown messageId "${input.messageId}"`);
    const status = input.status ?? 'fail';
    const severity = status === 'round' ? 'info' : (input.severity ?? meta.severity);
    const data = { unit, ...(input.data ?? {}) };
    const tol = input.toleranceUnits ?? null;
    const note =
      status === 'round' && tol !== null
        ? `，在尾数误差允许范围（±${tolText(tol)} ${unit}）内，属尾数误差`
        : status === 'fail' && tol !== null && tol > 0
          ? `，超出尾数误差允许范围（±${tolText(tol)} ${unit}）`
          : '';
    let message: string;
    // A template may place the tolerance note with {{toleranceNote}}: what follows it is the next
    // step for a failure ("请核对…"), left out when the difference is only 尾数误差.
    const [head, tail] = template.split(TOLERANCE_NOTE);
    if (messageOverride === undefined && tail !== undefined) {
      message = render(head!, data, meta.id, input.messageId) + note;
      if (!/[。！？]$/.test(message)) message += '。';
      if (status !== 'round') message += render(tail, data, meta.id, input.messageId);
    } else message = (messageOverride ?? render(template, data, meta.id, input.messageId)) + note;
    if (!/[。！？]$/.test(message)) message += '。';
    sink.push({
      ruleId: meta.id,
      severity,
      status,
      location: input.location,
      expected: input.expected ?? null,
      actual: input.actual ?? null,
      difference:
        input.difference !== undefined
          ? input.difference
          : input.differenceUnits === undefined || input.differenceUnits === null
            ? null
            : unitsToNumber(input.differenceUnits, decimals),
      tolerance: tol === null ? null : tol / scale,
      messageId: input.messageId,
      message,
      ...(input.related ? { related: input.related } : {}),
    });
  };

  const status = (sink: Finding[], s: 'not_applicable' | 'insufficient_data', reason: string, location: Finding['location'] = {}) => {
    sink.push({
      ruleId: meta.id,
      severity: 'info',
      status: s,
      location,
      expected: null,
      actual: null,
      difference: null,
      tolerance: null,
      messageId: s,
      message: reason.endsWith('。') ? reason : `${reason}。`,
    });
  };

  /** The tolerance of one comparison in integer units. */
  const tolerance = (terms: number, tableIds: string[]): number => {
    const tol = meta.tolerance;
    if (tol.kind === 'absolute') return Math.round(tol.value * scale);
    if (tol.kind === 'envelope') {
      // Half a unit of the printed precision per displayed term and for the total (rules.md §3).
      const printed = Math.min(...tableIds.map((id) => tables.get(id)?.decimals ?? decimals));
      const unitUnits = 10 ** (decimals - printed);
      return ((terms + 1) * unitUnits) / 2;
    }
    return 0;
  };

  const operand = (o: Operand): { units: number | undefined; label: string; ref?: CellRef } =>
    isCell(o) ? { units: units(o), label: describe(o), ref: o } : { units: o.units, label: o.label };

  const compare = (input: CompareInput, kind: 'equal' | 'atMost') => {
    if (closed) return;
    const a = operand(input.actual);
    const e = operand(input.expected);
    const location = a.ref ?? e.ref ?? {};
    if (a.units === undefined || e.units === undefined) {
      status(sink, 'insufficient_data', `${meta.title}：未能读取${a.units === undefined ? a.label : e.label}，无法核对`, location);
      return;
    }
    const diff = a.units - e.units;
    const bad = kind === 'equal' ? diff !== 0 : diff > 0;
    if (!bad) return;
    const tol = meta.tolerance.kind === 'absolute' ? Math.round(meta.tolerance.value * scale) : meta.tolerance.kind === 'envelope' ? tolerance(1, [a.ref?.table ?? '', e.ref?.table ?? ''].filter(Boolean)) : 0;
    const within = Math.abs(diff) <= tol;
    push({
      messageId: input.messageId,
      location,
      expected: unitsToNumber(e.units, decimals),
      actual: unitsToNumber(a.units, decimals),
      differenceUnits: diff,
      status: within ? 'round' : 'fail',
      toleranceUnits: tol > 0 ? tol : null,
      data: {
        where: a.label,
        other: e.label,
        actual: money(a.units),
        expected: money(e.units),
        difference: formatSigned(diff, decimals),
        absDifference: money(Math.abs(diff)),
        ...(input.data ?? {}),
      },
      ...(input.related ? { related: input.related } : {}),
    });
  };

  const ctx: RuleContext = {
    report,
    meta,
    scale,
    unit,
    table,
    row,
    units,
    describe,
    money,
    need(...ids: string[]) {
      if (closed) return false;
      const missing = ids.filter((id) => !tables.has(id));
      if (missing.length > 0) {
        status(sink, 'not_applicable', `文档中没有${missing.map((id) => `表${id}`).join('、')}，不适用“${meta.title}”`);
        closed = true;
        return false;
      }
      if (meta.crossTable || ids.length > 1) {
        const partial = ids.filter((id) => !readWhole(tables.get(id)!));
        if (partial.length > 0) {
          status(sink, 'insufficient_data', `${partial.map((id) => `表${id}`).join('、')}未能完整读取，暂不核对“${meta.title}”`);
          closed = true;
          return false;
        }
      }
      return true;
    },
    sum(input: SumInput) {
      if (closed) return;
      const total = units(input.total);
      const minus = input.minus ?? [];
      const negated = (r: CellRef) => {
        const v = units(r);
        return v === undefined ? undefined : -v;
      };
      const values = [...input.terms.map(units), ...minus.map(negated)];
      if (total === undefined || values.some((v) => v === undefined)) {
        const missing = [input.total, ...input.terms, ...minus].filter((r) => units(r) === undefined).map(describe);
        status(sink, 'insufficient_data', `${meta.title}：未能读取${missing.slice(0, 3).join('、')}${missing.length > 3 ? '等' : ''}，无法核对`, input.total);
        return;
      }
      const sum = (values as number[]).reduce((s, v) => s + v, 0);
      const diff = total - sum;
      if (diff === 0) return;
      const tableIds = [input.total.table, ...input.terms.map((t) => t.table), ...minus.map((t) => t.table)];
      const tol = tolerance(input.terms.length + minus.length, [...new Set(tableIds)]);
      push({
        messageId: input.messageId,
        location: input.total,
        expected: unitsToNumber(sum, decimals),
        actual: unitsToNumber(total, decimals),
        differenceUnits: diff,
        status: Math.abs(diff) <= tol ? 'round' : 'fail',
        toleranceUnits: meta.tolerance.kind === 'exact' ? null : tol,
        data: {
          where: describe(input.total),
          actual: money(total),
          expected: money(sum),
          terms: input.termsLabel,
          n: input.terms.length + minus.length,
          difference: formatSigned(diff, decimals),
          absDifference: money(Math.abs(diff)),
          ...(input.data ?? {}),
        },
        ...(input.related ? { related: input.related } : {}),
      });
    },
    equal(input) {
      compare(input, 'equal');
    },
    atMost(input) {
      compare(input, 'atMost');
    },
    flag(input: ReportInput) {
      if (closed) return;
      push(input);
    },
    notApplicable(reason: string) {
      if (closed) return;
      status(sink, 'not_applicable', reason);
      closed = true;
    },
    insufficient(reason: string, location?: Finding['location']) {
      if (closed) return;
      status(sink, 'insufficient_data', reason, location);
    },
  };
  return ctx;
}
