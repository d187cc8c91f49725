/**
 * Amounts as printed: Report cells are JSON numbers in the money unit with `decimals` places;
 * they are turned into integer units first (as src/model/amount.ts does) so that formatting and
 * sums never show binary-float drift.
 */

export function toUnits(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

/** Integer units → `1,234.50`. */
export function formatUnits(units: number, decimals: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const int = decimals > 0 ? digits.slice(0, -decimals) : digits;
  const frac = decimals > 0 ? digits.slice(-decimals) : '';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/** A cell value with the table's decimals; '' for null (blank). */
export function formatAmount(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatUnits(toUnits(value, decimals), decimals);
}

/** Sum of amounts in integer units, back as a number (null when every term is null). */
export function sumAmounts(values: (number | null | undefined)[], decimals = 2): number | null {
  let units = 0;
  let any = false;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    units += toUnits(v, decimals);
    any = true;
  }
  return any ? units / 10 ** decimals : null;
}

/** A share a/b as a percentage with one decimal, computed from integer units; '--' on a zero base. */
export function percent(part: number | null | undefined, whole: number | null | undefined, decimals = 2): string {
  if (part === null || part === undefined || whole === null || whole === undefined) return '';
  const p = toUnits(part, decimals);
  const w = toUnits(whole, decimals);
  if (w === 0) return '--';
  // round half up on exact integers: 1000 * p / w in tenths of a percent
  const tenths = Math.floor((2000 * p + w) / (2 * w));
  return `${(tenths / 10).toFixed(1)}%`;
}

/**
 * Parse what a clerk types into a cell: `1,234.5`, full-width digits, blank → null. Returns
 * undefined when it is not an amount or has more places than the table prints.
 */
export function parseAmountInput(text: string, decimals: number): number | null | undefined {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '')
    .replace(/^[−－]/, '-');
  if (t === '') return null;
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  if ((m[2]?.length ?? 0) > decimals) return undefined;
  return Number(t);
}

export const KIND_NAMES: Record<string, string> = {
  'final-accounts': '决算',
  budget: '预算',
  'performance-evaluation': '绩效评价',
};

export const SCOPE_NAMES: Record<string, string> = { department: '部门', unit: '单位' };

export const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
