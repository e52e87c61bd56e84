/**
 * Exports of a plan for boards and committees: XLSX, DOCX, HTML and CSV. The rows are built here
 * from the engine's analysis; the writers (exceljs, docx, rehype) are loaded on the first export.
 * Every export is bytes: writing them to a file is the caller's job.
 */
import type { LintResult } from '../engine/lint.js';
import type { ExportFormat } from './formats.js';
import { buildPlanExport, type ExportOptions } from './rows.js';

export { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat, type ExportFormat } from './formats.js';
export type { ExportOptions } from './rows.js';

export interface ExportedPlan {
  bytes: Uint8Array;
  /** How many actions the export lists. */
  actions: number;
}

export async function exportPlan(result: LintResult, format: ExportFormat, options: ExportOptions = {}): Promise<ExportedPlan> {
  const data = buildPlanExport(result, options);
  // scripts/build.mjs points this import at dist/export.cjs, a bundle of its own.
  const { writePlan } = await import('./writers.js');
  return { bytes: await writePlan(data, format), actions: data.rows.length };
}
