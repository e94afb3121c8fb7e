/**
 * Byte sizes in decimal units (1 kB = 1000 B), as npm and file managers show them. Pure, with
 * no Node imports: the CLI, the verifier, the loader's diagnostics and the rendered pages share it,
 * each with its own format.
 */

export interface ByteFormat {
  /** Unit names from bytes up, each 1000 times the one before. */
  units: readonly string[];
  /**
   * Fraction digits above bytes: `fixed` always one (`1.0 MB`, so listings align), `trimmed` at most
   * one (`1 MB`, `1.2 MB`), `readable` one only below 10 (`1.2 MB`, `14 MB`).
   */
  digits: 'fixed' | 'trimmed' | 'readable';
  /**
   * Between the whole and the fraction digits (`1,2 Mo` in French); `.` unless set. Not Intl: its first
   * use in a process costs ~16 ms, and these numbers need no grouping (each unit is below 1000 of the one
   * before).
   */
  decimalSeparator?: string;
  /** Between number and unit; a space unless set. */
  separator?: string;
}

/** The CLI's and the verifier's sizes: `512 B`, `12.3 MB`, `1.0 GB`. */
export const CLI_BYTES: ByteFormat = { units: ['B', 'kB', 'MB', 'GB', 'TB'], digits: 'fixed' };

export function formatBytes(bytes: number, format: ByteFormat = CLI_BYTES): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < format.units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || (format.digits === 'readable' && value >= 10) ? 0 : 1;
  const number = format.digits === 'fixed' ? value.toFixed(digits) : String(Number(value.toFixed(digits)));
  return `${number.replace('.', format.decimalSeparator ?? '.')}${format.separator ?? ' '}${format.units[unit]}`;
}
