/**
 * The XLSX export (exceljs): an "Actions" sheet with one row per action, a frozen header row,
 * filters, wrapped text and the Status cell filled with its RAG colour; and a "Summary" sheet with
 * the plan's details and its RAG counts.
 *
 * Every text is written as a string cell, never as a formula, so a value such as
 * `=HYPERLINK(...)` in a plan stays text when the workbook is opened.
 */
import ExcelJS from 'exceljs';
import type { IsoDate } from '../engine/dates.js';
import { ACTION_COLUMNS, detailRows, STATUS_COLOURS, STATUS_ORDER, statusName, type PlanExport } from './rows.js';

const HEADER_FILL = 'FF1F3864';
/** Excel refuses (and offers to "repair") a workbook with a longer cell. */
export const MAX_CELL_LENGTH = 32_767;

const fitted = (text: string): string => (text.length > MAX_CELL_LENGTH ? `${text.slice(0, MAX_CELL_LENGTH - 1)}…` : text);
const DATE_FORMAT = 'd mmm yyyy';

/** A date at midnight UTC: exceljs writes dates as UTC, so the day does not move with the time zone. */
const excelDate = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);

const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

export async function planToXlsx(data: PlanExport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Improvement Plan';
  workbook.title = data.metadata.title ?? 'Improvement plan';
  // A fixed date keeps the file the same from one export of the same plan to the next.
  workbook.created = workbook.modified = excelDate(data.metadata.asOf);
  addActionsSheet(workbook, data);
  addSummarySheet(workbook, data);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addActionsSheet(workbook: ExcelJS.Workbook, data: PlanExport): void {
  const sheet = workbook.addWorksheet('Actions', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = ACTION_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = solid(HEADER_FILL.slice(2));
  header.alignment = { vertical: 'middle', wrapText: true };

  const statusColumn = ACTION_COLUMNS.findIndex((column) => column.header === 'Status') + 1;
  for (const row of data.rows) {
    const added = sheet.addRow(
      ACTION_COLUMNS.map((column) => {
        const value = column.value(row);
        return typeof value === 'string' ? fitted(value) : excelDate(value.date);
      }),
    );
    added.alignment = { vertical: 'top', wrapText: true };
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
    if (row.status) {
      const cell = added.getCell(statusColumn);
      cell.fill = solid(STATUS_COLOURS[row.status]);
      cell.font = { bold: true };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, data.rows.length + 1), column: ACTION_COLUMNS.length } };
}

function addSummarySheet(workbook: ExcelJS.Workbook, data: PlanExport): void {
  const { metadata, counts } = data;
  const sheet = workbook.addWorksheet('Summary');
  sheet.columns = [{ width: 26 }, { width: 60 }];
  const title = sheet.addRow([fitted(metadata.title ?? 'Improvement plan')]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const details = detailRows(metadata);
  for (const [label, value] of details) {
    if (value === undefined) continue;
    const row = sheet.addRow([label, fitted(value)]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const heading = sheet.addRow(['Status', 'Actions']);
  heading.font = { bold: true };
  for (const status of STATUS_ORDER) {
    const row = sheet.addRow([statusName(status), counts.byStatus[status]]);
    if (status !== 'none') row.getCell(1).fill = solid(STATUS_COLOURS[status]);
  }
  const total = sheet.addRow(['All actions', counts.actions]);
  total.font = { bold: true };
  sheet.addRow(['Overdue', counts.overdue]).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true, horizontal: 'left' };
  });
}
