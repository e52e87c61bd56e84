/**
 * The CSV export: the XLSX export's columns, one row per action, as RFC 4180 text (CRLF line ends,
 * fields quoted when they hold a comma, a quote or a line break) in UTF-8 with a byte order mark,
 * which Excel needs to read the text as UTF-8.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, so such a cell is
 * written with a leading apostrophe (the usual guard against formula injection).
 */
import { ACTION_COLUMNS, type PlanExport } from './rows.js';

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet would not run as a formula. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** One RFC 4180 field. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function planToCsv(data: PlanExport): string {
  const lines = [ACTION_COLUMNS.map((column) => csvField(column.header)).join(',')];
  for (const row of data.rows) {
    lines.push(
      ACTION_COLUMNS.map((column) => {
        const value = column.value(row);
        // Dates as ISO (2026-03-31), which every spreadsheet reads as a date whatever its locale.
        return csvField(typeof value === 'string' ? guardFormula(value) : value.date);
      }).join(','),
    );
  }
  return BYTE_ORDER_MARK + lines.join('\r\n') + '\r\n';
}
