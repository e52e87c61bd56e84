/**
 * Improvement Plan: Import Recommendations from Report. Asks where the report is (its .pdf or .txt
 * file, the text copied to the clipboard, or the text in the active editor); the server finds the
 * inspection details and the recommendations; when the report does not print its publication date
 * (ILACS reports do not), asks for it. The plan opens as a new untitled document, so nothing on
 * disk is changed until it is saved. Escape at any question stops with nothing created.
 */
import * as vscode from 'vscode';
import type { ImportReportResult } from '../../../server/src/lsp/importReport.js';
import { inform, LANGUAGE_ID, SERVER_COMMANDS, type PlanServer, type Problem } from '../planServer.js';
import { windowPrompter, type Choice, type Prompts } from '../prompts.js';
import { openUntitledPlan } from './newPlan.js';

export type { ImportReportResult };

export const TITLE = 'Import recommendations from report';
export const EMPTY_CLIPBOARD = "The clipboard has no text: open the report, select all its text, copy it, then run the command again.";
export const NOT_ON_DISK = "Choose a report saved on this computer: the report's .pdf file, or a .txt file of its text.";

type Source = 'file' | 'clipboard' | 'editor';

/** Resolves with the new plan, or with the message shown instead; undefined when the user pressed Escape. */
export async function importRecommendations(server: PlanServer, prompts: Prompts): Promise<vscode.TextDocument | Problem | undefined> {
  const prompter = prompts.current;
  const active = vscode.window.activeTextEditor?.document;
  const choices: Choice<Source>[] = [
    { label: 'From a file…', detail: "The report's PDF, or a .txt file of its text", value: 'file' },
    { label: 'From the clipboard', detail: 'Text copied from the report', value: 'clipboard' },
  ];
  // Not a plan: the report's text, pasted into an editor.
  if (active && active.languageId !== LANGUAGE_ID && active.getText().trim() !== '') {
    choices.push({ label: 'From the active editor', detail: `The text of ${active.uri.path.split('/').pop()}, pasted from the report`, value: 'editor' });
  }
  const source = await prompter.pick(choices, { title: TITLE, placeholder: 'Where is the report?' });
  if (!source) return undefined;

  let argument: { text: string } | { path: string };
  if (source === 'file') {
    const openLocation = prompter.openLocation?.bind(prompter) ?? windowPrompter.openLocation!.bind(windowPrompter);
    const uri = await openLocation({ title: `${TITLE}: choose the report`, filters: { 'Ofsted report': ['pdf', 'txt'] } });
    if (!uri) return undefined;
    if (uri.scheme !== 'file') return shownProblem(NOT_ON_DISK);
    argument = { path: uri.fsPath };
  } else if (source === 'clipboard') {
    const text = await vscode.env.clipboard.readText();
    if (text.trim() === '') return shownProblem(EMPTY_CLIPBOARD);
    argument = { text };
  } else {
    argument = { text: active!.getText() };
  }

  let result = await server.command<ImportReportResult | Problem>(SERVER_COMMANDS.importReport, argument);
  if ('message' in result) return shownProblem(result.message);
  if (!result.published) {
    const readDate = (text: string) => server.command<{ date: string } | Problem>(SERVER_COMMANDS.readDate, text);
    const published = await prompter.input({
      title: `${TITLE}: publication date`,
      prompt: 'The report does not print its publication date: enter it, such as 29 January 2025, or leave it empty to add it later.',
      placeholder: '2025-01-29',
      validate: async (text) => {
        if (text.trim() === '') return undefined;
        const read = await readDate(text);
        return 'message' in read ? read.message : undefined;
      },
    });
    if (published === undefined) return undefined;
    if (published.trim() !== '') {
      result = await server.command<ImportReportResult | Problem>(SERVER_COMMANDS.importReport, { ...argument, published });
      if ('message' in result) return shownProblem(result.message);
    }
  }
  const document = await openUntitledPlan(result.text, result.authority ?? '');
  inform([result.summary, ...result.notes].join(' '));
  return document;
}

function shownProblem(message: string): Problem {
  void vscode.window.showWarningMessage(message);
  return { message };
}
