/**
 * The `importReport` command: an Ofsted report → a plan skeleton (server/src/engine/import). The
 * argument is `{ text }` (the report's text, pasted) or `{ path }` (a .pdf or .txt file, or its
 * `file:` URI), with an optional `published` date. The result is `{ text, summary, notes }` for the
 * client to open as a new untitled plan, or `{ message }` saying why the report cannot be imported.
 */
import { fileURLToPath } from 'node:url';
import { importPlan } from '../engine/import/index.js';
import { importReportFile } from '../node/reportFile.js';

export interface ImportReportResult {
  text: string;
  summary: string;
  notes: string[];
  /** The council, for naming the new plan. */
  authority?: string;
  /** The publication date written in the plan; absent when neither the report nor the request gave one. */
  published?: string;
}

/** Pasted text longer than this is not one report. */
const MAX_PASTED_CHARACTERS = 2_000_000;

export async function importReportCommand(argument: Record<string, unknown>): Promise<ImportReportResult | { message: string }> {
  const publishedDate = typeof argument.published === 'string' && argument.published.trim() !== '' ? argument.published : undefined;
  let imported;
  if (typeof argument.text === 'string') {
    if (argument.text.length > MAX_PASTED_CHARACTERS) return { message: 'The pasted text is far longer than an Ofsted report: paste one report.' };
    imported = importPlan(argument.text, { published: publishedDate });
  } else if (typeof argument.path === 'string' && argument.path !== '') {
    let file = argument.path;
    try {
      if (file.startsWith('file:')) file = fileURLToPath(file);
    } catch {
      return { message: `${argument.path} is not a file on this computer.` };
    }
    imported = await importReportFile(file, { published: publishedDate });
  } else {
    return { message: "Give the report's text, or the path of its .pdf or .txt file." };
  }
  if ('problem' in imported) return { message: imported.problem };
  return { text: imported.text, summary: imported.summary, notes: imported.notes, authority: imported.report.authority, published: imported.published };
}
