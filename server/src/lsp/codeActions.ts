/**
 * Quick fixes and "fix all": the engine's fixes (server/src/engine/fixes) as LSP code actions.
 * Each quick fix is tied to the diagnostic it fixes. Edits carry the document version, so an editor
 * never applies them to newer text. Insertions with a placeholder are snippets when the client
 * supports snippet edits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`, as
 * vscode-languageclient 11 declares), else plain text with a bracketed placeholder.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { LintResult, PlanDiagnostic } from '../engine/index.js';
import { fixAllEdits, fixesFor, type TextEdit } from '../engine/fixes/index.js';
import type { LspFeature, ServerContext } from './context.js';
import { DIAGNOSTIC_SOURCE, toLspDiagnostic } from './convert.js';

/** The kind of the "fix all" action: run on save with `"editor.codeActionsOnSave": { "source.fixAll": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.improvementPlan`;
export const FIX_ALL_TITLE = 'Fix all problems that have one clear fix';

const supportsLiterals = (client: ClientCapabilities): boolean => client.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;

export const codeActionsFeature: LspFeature = {
  // Without code action literals a server could only offer commands; these fixes are edits.
  capabilities: (client) =>
    supportsLiterals(client)
      ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: false } }
      : {},
  register(context) {
    if (!supportsLiterals(context.clientCapabilities)) return;
    const workspaceEdit = context.clientCapabilities.workspace?.workspaceEdit;
    const options: EditOptions = {
      documentChanges: workspaceEdit?.documentChanges === true,
      snippets: workspaceEdit?.documentChanges === true && workspaceEdit.snippetEditSupport === true,
    };
    context.connection.onCodeAction(async (params) => {
      try {
        return await codeActions(context, params, options);
      } catch (error) {
        context.connection.console.error(`Code actions failed: ${error instanceof Error ? error.stack : String(error)}`);
        return [];
      }
    });
  },
};

interface EditOptions {
  /** The client takes versioned `documentChanges` (else `changes`, which carry no version). */
  documentChanges: boolean;
  /** The client takes SnippetTextEdit in `documentChanges`. */
  snippets: boolean;
}

async function codeActions(context: ServerContext, params: CodeActionParams, options: EditOptions): Promise<CodeAction[]> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return [];
  const { version } = document;
  const text = document.getText();
  const result = await context.analyses.analyse(document);
  // The document changed while it was analysed: the editor will ask again for the new text.
  if (context.documents.get(document.uri)?.version !== version || result.plan.text !== text) return [];
  const lines = TextDocument.create(document.uri, document.languageId, version, text);
  const target = { uri: document.uri, version, lines };
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));

  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const byTitle = new Map<string, CodeAction>();
    for (const { engine, client } of diagnosticsToFix(result, params, lines)) {
      for (const fix of fixesFor(result, engine)) {
        const existing = byTitle.get(fix.title);
        if (existing) {
          existing.diagnostics!.push(client);
          continue;
        }
        const action: CodeAction = {
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [client],
          edit: workspaceEdit(target, fix.edits, options),
        };
        if (fix.preferred) action.isPreferred = true;
        byTitle.set(fix.title, action);
        actions.push(action);
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(result);
    if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(target, edits, { ...options, snippets: false }) });
  }
  return actions;
}

/**
 * The engine's diagnostics that the request is about, each with the client's copy of it (so the
 * editor ties the fix to the problem it shows): those the client sent that match ours by code and
 * range, or, when it sent none of ours, ours that touch the requested range.
 */
function diagnosticsToFix(result: LintResult, params: CodeActionParams, lines: TextDocument): { engine: PlanDiagnostic; client: Diagnostic }[] {
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (ours.length > 0) {
    return ours.flatMap((client) => {
      const start = lines.offsetAt(client.range.start);
      const end = lines.offsetAt(client.range.end);
      const engine = result.diagnostics.find((d) => d.code === client.code && d.range.start === start && d.range.end === end);
      return engine ? [{ engine, client }] : [];
    });
  }
  const start = lines.offsetAt(params.range.start);
  const end = lines.offsetAt(params.range.end);
  return result.diagnostics
    .filter((d) => d.range.start <= end && start <= d.range.end)
    .map((engine) => ({ engine, client: toLspDiagnostic(lines, engine) }));
}

function workspaceEdit(target: { uri: string; version: number; lines: TextDocument }, edits: readonly TextEdit[], options: EditOptions): WorkspaceEdit {
  const { uri, version, lines } = target;
  const converted = edits.map((edit): LspTextEdit | SnippetTextEdit => {
    const range = { start: lines.positionAt(edit.range.start), end: lines.positionAt(edit.range.end) };
    return options.snippets && edit.snippet !== undefined ? { range, snippet: { kind: 'snippet', value: edit.snippet } } : { range, newText: edit.newText };
  });
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits: converted }] };
  return { changes: { [uri]: converted as LspTextEdit[] } };
}
