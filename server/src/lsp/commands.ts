/**
 * The server's commands (`workspace/executeCommand`), for the editor commands that change plans:
 * inserting the next action, renumbering actions across files, writing a new plan, and exporting a
 * plan (exportPlan.ts). Every result is plain data; a problem is returned as `{ message }` for the
 * client to show, never thrown.
 *
 * VS Code's language client registers a proxy command for each ID below, so the IDs differ from
 * the editor's own commands (`improvementPlan.insertNextAction` calls `improvementPlan.server.nextAction`).
 */
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { FRAMEWORKS } from '../engine/frontMatter.js';
import { GRADES, INSPECTION_TYPES, judgementKeysFor, newPlanText, readPublishedDate, type NewPlanAnswers } from '../engine/newPlan.js';
import { nextAction, renumberActions, type TextReplacement } from '../engine/numbering.js';
import type { LspFeature, ServerContext } from './context.js';
import { importReportCommand } from './importReport.js';
import { exportPlanCommand } from './exportPlan.js';
import { filePath } from './planAnalyses.js';
import { SERVER_COMMANDS } from './protocol.js';

export { SERVER_COMMANDS };

export interface Problem {
  message: string;
}

export interface DocumentArgument {
  textDocument: { uri: string };
}

/** `nextAction` with `{ textDocument, position }`: where the action goes, and the action as a snippet. */
export interface NextActionResult {
  id: string;
  recommendationId: string;
  position: Position;
  snippet: string;
}

/** `renumberActions` with `{ textDocument }`. `edit` is returned only when the client cannot apply edits. */
export interface RenumberResult {
  actions: number;
  files: number;
  applied: boolean;
  message: string;
  edit?: WorkspaceEdit;
}

/** `newPlanChoices` with `{ framework?, published? }`: what the new plan questions offer. */
export interface NewPlanChoices {
  frameworks: string[];
  inspectionTypes: string[];
  grades: string[];
  judgementKeys: string[];
}

export const commandsFeature: LspFeature = {
  capabilities: () => ({ executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) } }),
  register(context) {
    context.connection.onExecuteCommand(async ({ command, arguments: args }) => {
      const [first] = args ?? [];
      const argument: Record<string, unknown> = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
      try {
        switch (command) {
          case SERVER_COMMANDS.nextAction:
            return await insertNextAction(context, argument);
          case SERVER_COMMANDS.renumberActions:
            return await renumber(context, argument);
          case SERVER_COMMANDS.newPlanChoices:
            return newPlanChoices(argument);
          case SERVER_COMMANDS.readDate: {
            const read = readPublishedDate(typeof first === 'string' ? first : '');
            return 'date' in read ? read : { message: read.problem };
          }
          case SERVER_COMMANDS.newPlanText:
            return writeNewPlan(argument);
          case SERVER_COMMANDS.importReport:
            return await importReportCommand(argument);
          case SERVER_COMMANDS.exportPlan:
            return await exportPlanCommand(context, argument);
          default:
            return { message: `Unknown command ${command}.` };
        }
      } catch (error) {
        context.connection.console.error(`${command} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return { message: 'Something went wrong: see the Improvement Plan output for details.' };
      }
    });
  },
};

const NOT_A_PLAN: Problem = { message: 'Open an improvement plan (a *.plan.md file) first.' };

function documentOf(context: ServerContext, argument: Record<string, unknown>): TextDocument | undefined {
  const uri = (argument.textDocument as { uri?: unknown } | undefined)?.uri;
  return typeof uri === 'string' ? context.documents.get(uri) : undefined;
}

async function insertNextAction(context: ServerContext, argument: Record<string, unknown>): Promise<NextActionResult | Problem> {
  const document = documentOf(context, argument);
  if (!document) return NOT_A_PLAN;
  const position = argument.position as Partial<Position> | undefined;
  const offset = typeof position?.line === 'number' && typeof position.character === 'number' ? document.offsetAt(position as Position) : 0;
  const { plan } = await context.analyses.analyse(document);
  const next = nextAction(plan, offset);
  if ('problem' in next) return { message: next.problem };
  return { id: next.id, recommendationId: next.recommendation.id, position: document.positionAt(next.offset), snippet: next.snippet };
}

async function renumber(context: ServerContext, argument: Record<string, unknown>): Promise<RenumberResult | Problem> {
  const document = documentOf(context, argument);
  if (!document) return NOT_A_PLAN;
  const { analysis } = await context.analyses.analyse(document);
  const ownPath = filePath(document.uri);
  const referencing = ownPath
    ? context.index
        .all()
        .filter((entry) => entry.uri !== document.uri && recommendationsPathOf(entry.uri, entry.plan.frontMatter?.recommendationsFile?.value) === ownPath)
        .map((entry) => ({ key: entry.uri, plan: entry.plan }))
    : [];
  const result = renumberActions(analysis, referencing);
  if (result.changes.length === 0) return { actions: 0, files: 0, applied: false, message: 'The actions are already numbered in order: nothing to change.' };

  const byUri = new Map<string, TextReplacement[]>([[document.uri, result.edits], ...result.references]);
  const edit = workspaceEdit(context, byUri);
  const actions = result.changes.length;
  const files = [...byUri.values()].filter((edits) => edits.length > 0).length;
  const summary = `Renumbered ${actions} action${actions === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`;
  if (context.clientCapabilities.workspace?.applyEdit !== true) return { actions, files, applied: false, message: summary, edit };
  const response = await context.connection.workspace.applyEdit({ label: 'Renumber actions', edit });
  if (!response.applied) {
    const reason = response.failureReason ? `: ${response.failureReason}` : '.';
    return { actions: 0, files: 0, applied: false, message: `The actions could not be renumbered${reason}` };
  }
  return { actions, files, applied: true, message: summary };
}

/** The absolute path a plan's `recommendations:` value names, if the plan is a file. */
function recommendationsPathOf(uri: string, relative: string | undefined): string | undefined {
  const planPath = filePath(uri);
  return planPath && relative ? path.resolve(path.dirname(planPath), relative) : undefined;
}

/** Offsets to positions in each document's own text, versioned when the document is open. */
function workspaceEdit(context: ServerContext, byUri: ReadonlyMap<string, readonly TextReplacement[]>): WorkspaceEdit {
  const versioned = context.clientCapabilities.workspace?.workspaceEdit?.documentChanges === true;
  const documentChanges: TextDocumentEdit[] = [];
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, replacements] of byUri) {
    if (replacements.length === 0) continue;
    const open = context.documents.get(uri);
    const text = open ?? TextDocument.create(uri, 'improvement-plan', 0, context.index.get(uri)?.text ?? '');
    const edits = replacements.map((replacement) => ({
      range: { start: text.positionAt(replacement.range.start), end: text.positionAt(replacement.range.end) },
      newText: replacement.newText,
    }));
    documentChanges.push({ textDocument: { uri, version: open ? open.version : null }, edits });
    changes[uri] = edits;
  }
  return versioned ? { documentChanges } : { changes };
}

function newPlanChoices(argument: Record<string, unknown>): NewPlanChoices {
  const framework = FRAMEWORKS.find((name) => name.toLowerCase() === String(argument.framework ?? '').toLowerCase());
  const published = typeof argument.published === 'string' ? argument.published : undefined;
  return {
    frameworks: [...FRAMEWORKS],
    inspectionTypes: framework ? [...INSPECTION_TYPES[framework]] : [],
    grades: [...GRADES],
    judgementKeys: framework ? [...judgementKeysFor(framework, published)] : [],
  };
}

function writeNewPlan(argument: Record<string, unknown>): { text: string } | Problem {
  const { framework, inspectionType, published, judgements, authority } = argument;
  const read = typeof published === 'string' ? readPublishedDate(published) : undefined;
  if (typeof framework !== 'string' || typeof inspectionType !== 'string' || !read || !('date' in read)) {
    return { message: 'A new plan needs a framework, an inspection type and a publication date.' };
  }
  const answers: NewPlanAnswers = {
    framework,
    inspectionType,
    published: read.date,
    authority: typeof authority === 'string' ? authority : undefined,
    judgements: Array.isArray(judgements)
      ? judgements
          .filter((j): j is { key: string; grade: string } => typeof j?.key === 'string' && typeof j?.grade === 'string')
          .map(({ key, grade }) => ({ key, grade }))
      : [],
  };
  return { text: newPlanText(answers) };
}
