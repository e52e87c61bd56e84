/**
 * The `exportPlan` command: writes a plan as XLSX, DOCX, HTML or CSV to a file and says where.
 * An open plan is exported as the editor has it (unsaved text and editor settings included);
 * any other is read from disk as the CLI reads it. The writers load on the first export only.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPORT_FORMAT_NAMES, exportPlan, isExportFormat, type ExportFormat } from '../export/index.js';
import { defaultExportPath, lintPlanFile, writeExportFile } from '../node/exportFile.js';
import type { LintResult } from '../engine/index.js';
import type { ServerContext } from './context.js';
import { ruleOffCheck } from './hover.js';
import { filePath } from './planAnalyses.js';

/** `exportPlan` with `{ textDocument, format, target?, overwrite? }`; `target` is a file URI or an absolute path. */
export interface ExportPlanArguments {
  textDocument: { uri: string };
  format: ExportFormat;
  /** Default: next to the plan, named after it, with the format as extension. */
  target?: string;
  /** Replace an existing file (a save dialog has already asked). Default: false. */
  overwrite?: boolean;
}

export interface ExportPlanResult {
  format: ExportFormat;
  path: string;
  uri: string;
  actions: number;
  bytes: number;
  message: string;
}

export async function exportPlanCommand(context: ServerContext, argument: Record<string, unknown>): Promise<ExportPlanResult | { message: string }> {
  const uri = (argument.textDocument as { uri?: unknown } | undefined)?.uri;
  const planPath = typeof uri === 'string' ? filePath(uri) : undefined;
  if (!planPath) return { message: 'Export needs a plan saved as a file (*.plan.md).' };
  const { format } = argument;
  if (!isExportFormat(format)) return { message: `Export to ${String(format)} is not possible: choose xlsx, docx, html or csv.` };
  const target = targetPath(argument.target, planPath, format);
  if (!target) return { message: 'Export needs a file to write to: a file URI or an absolute path.' };
  if (path.resolve(target) === path.resolve(planPath)) return { message: 'Choose another file: the export would replace the plan itself.' };

  const document = context.documents.get(uri as string);
  let result: LintResult;
  if (document) {
    result = await context.analyses.analyse(document);
  } else {
    const read = lintPlanFile(planPath, (await context.settings.get(uri as string)).rules);
    if ('problem' in read) return { message: read.problem };
    result = read.result;
  }
  const isRuleOff = await ruleOffCheck(context, uri as string, result.plan.frontMatter?.rules ?? {});
  const exported = await exportPlan(result, format, { isRuleOff });
  const written = writeExportFile(target, exported.bytes, argument.overwrite === true);
  if ('problem' in written) return { message: written.problem };
  const actions = `${exported.actions} action${exported.actions === 1 ? '' : 's'}`;
  return {
    format,
    path: target,
    uri: pathToFileURL(target).href,
    actions: exported.actions,
    bytes: exported.bytes.length,
    message: `Exported ${actions} to ${path.basename(target)} (${EXPORT_FORMAT_NAMES[format]}).`,
  };
}

function targetPath(target: unknown, planPath: string, format: ExportFormat): string | undefined {
  if (target === undefined || target === null || target === '') return defaultExportPath(planPath, format);
  if (typeof target !== 'string') return undefined;
  if (target.startsWith('file:')) return filePath(target);
  return path.isAbsolute(target) ? target : undefined;
}
