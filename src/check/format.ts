/** The one formatter for amounts in messages: thousands separators and the printed decimals. */

export function formatUnits(units: number, scale: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const int = scale > 0 ? digits.slice(0, -scale) : digits;
  const frac = scale > 0 ? digits.slice(-scale) : '';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac ? '.' + frac : ''}`;
}

/** A difference with its sign: "+0.01", "-1,000.00". */
export function formatSigned(units: number, scale: number): string {
  return (units > 0 ? '+' : '') + formatUnits(units, scale);
}

/** Integer units → the JSON number they stand for. */
export function unitsToNumber(units: number, scale: number): number {
  return Number(formatUnits(units, scale).replace(/,/g, ''));
}
