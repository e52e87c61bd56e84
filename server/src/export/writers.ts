/**
 * The writers of every format, loaded together on the first export. The build makes this module a
 * bundle of its own (dist/export.cjs), so that exceljs and docx add nothing to the server's or the
 * CLI's start-up, and the package holds them once.
 */
import { planToCsv } from './csv.js';
import { planToDocx } from './docx.js';
import type { ExportFormat } from './formats.js';
import { planToHtml } from './html.js';
import type { PlanExport } from './rows.js';
import { planToXlsx } from './xlsx.js';

export async function writePlan(data: PlanExport, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return planToXlsx(data);
    case 'docx':
      return planToDocx(data);
    case 'html':
      return new TextEncoder().encode(planToHtml(data));
    case 'csv':
      return new TextEncoder().encode(planToCsv(data));
  }
}
