/**
 * Improvement Plan: Export Plan…. Asks for a format (Excel workbook, Word report, web page, CSV)
 * and where to save it, has the server write the file, then offers to open it or show it in its folder.
 */
import * as vscode from 'vscode';
import type { ExportPlanResult } from '../../../server/src/lsp/exportPlan.js';
import { EXPORT_FORMAT_NAMES, type ExportFormat } from '../../../server/src/export/formats.js';
import { isPlan, SERVER_COMMANDS, type PlanServer, type Problem } from '../planServer.js';
import { windowPrompter, type Choice, type Prompts } from '../prompts.js';

export type { ExportPlanResult };

export const NOT_A_PLAN_EDITOR = 'Open an improvement plan (a *.plan.md file) to export it.';
export const NOT_SAVED = 'Save the plan as a file first: the export is written next to it.';
export const TITLE = 'Export Plan';

const FORMAT_DETAILS: Record<ExportFormat, string> = {
  xlsx: 'One row per action with owner, dates, RAG status, SMART score and problems; filters and a summary sheet',
  docx: 'A committee report: summary, RAG counts and each recommendation with its actions',
  html: 'A standalone page to share or print',
  csv: 'The spreadsheet columns as plain text, for other tools',
};

export const FORMAT_CHOICES: readonly Choice<ExportFormat>[] = (Object.keys(FORMAT_DETAILS) as ExportFormat[]).map((format) => ({
  label: `${EXPORT_FORMAT_NAMES[format]} (.${format})`,
  detail: FORMAT_DETAILS[format],
  value: format,
}));

/** Resolves with the server's result, or with the message shown instead; undefined when the user pressed Escape. */
export async function exportPlan(server: PlanServer, prompts: Prompts, resource?: unknown): Promise<ExportPlanResult | Problem | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const planUri = resource instanceof vscode.Uri ? resource : isPlan(active) ? active.uri : undefined;
  if (!planUri) return shownProblem(NOT_A_PLAN_EDITOR);
  if (planUri.scheme !== 'file') return shownProblem(NOT_SAVED);

  const prompter = prompts.current;
  const format = await prompter.pick(FORMAT_CHOICES, { title: TITLE, placeholder: 'Export the plan as…' });
  if (!format) return undefined;
  const base = planUri.path.split('/').pop()!.replace(/\.plan\.md$/i, '').replace(/\.md$/i, '') || 'plan';
  const saveLocation = prompter.saveLocation?.bind(prompter) ?? windowPrompter.saveLocation!.bind(windowPrompter);
  const target = await saveLocation({
    title: `${TITLE}: ${EXPORT_FORMAT_NAMES[format]}`,
    defaultUri: vscode.Uri.joinPath(planUri, '..', `${base}.${format}`),
    filters: { [EXPORT_FORMAT_NAMES[format]]: [format] },
  });
  if (!target) return undefined;
  if (target.scheme !== 'file') return shownProblem('Exports are written to files on this computer: choose a folder on disk.');

  const converter = server.client.code2ProtocolConverter;
  // The save dialog has already asked before replacing a file.
  const result = await server.command<ExportPlanResult | Problem>(SERVER_COMMANDS.exportPlan, {
    textDocument: { uri: converter.asUri(planUri) },
    format,
    target: converter.asUri(target),
    overwrite: true,
  });
  if (!('path' in result)) return shownProblem(result.message);
  void offerToOpen(result, target);
  return result;
}

async function offerToOpen(result: ExportPlanResult, target: vscode.Uri): Promise<void> {
  const open = 'Open';
  const reveal = 'Show in Folder';
  const chosen = await vscode.window.showInformationMessage(result.message, open, reveal);
  // Exports are for Excel, Word and browsers: the system's application for the file opens it.
  if (chosen === open) await vscode.env.openExternal(target);
  else if (chosen === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
}

function shownProblem(message: string): Problem {
  void vscode.window.showWarningMessage(message);
  return { message };
}
