/**
 * What the completion, hover, code lens and inlay hint features share: a request answered from the
 * document's analysis, with positions read against the very text that was analysed, and a bug
 * logged and answered with a harmless fallback rather than failing the request.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as LspRange } from 'vscode-languageserver';
import type { LintResult, Range } from '../engine/index.js';
import type { ServerContext } from './context.js';

export interface AnalysedDocument {
  /** The analysed text, for offsets and positions (the open document may have moved on meanwhile). */
  lines: TextDocument;
  result: LintResult;
}

export async function answerFromAnalysis<T>(
  context: ServerContext,
  uri: string,
  what: string,
  fallback: T,
  answer: (document: AnalysedDocument) => T | Promise<T>,
): Promise<T> {
  try {
    const document = context.documents.get(uri);
    if (!document) return fallback;
    const result = await context.analyses.analyse(document);
    const lines = document.getText() === result.plan.text ? document : TextDocument.create(uri, document.languageId, document.version, result.plan.text);
    return await answer({ lines, result });
  } catch (error) {
    context.connection.console.error(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return fallback;
  }
}

export const toLspRange = (lines: TextDocument, range: Range): LspRange => ({ start: lines.positionAt(range.start), end: lines.positionAt(range.end) });
