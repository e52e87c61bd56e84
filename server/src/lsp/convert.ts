/** Engine diagnostics to LSP diagnostics. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { PlanDiagnostic, Severity } from '../engine/index.js';

export const DIAGNOSTIC_SOURCE = 'improvement-plan';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// The rule pages ship beside the server (dist/ and docs/ in the package), so links work offline.
const DOCS_FOLDER = path.resolve(__dirname, '..', 'docs', 'rules');

// Asked for every diagnostic on every keystroke: made once per code.
const documentationUris = new Map<string, string>();

export function ruleDocumentationUri(code: string): string {
  let uri = documentationUris.get(code);
  if (uri === undefined) documentationUris.set(code, (uri = pathToFileURL(path.join(DOCS_FOLDER, `${code}.md`)).href));
  return uri;
}

export function toLspDiagnostic(document: TextDocument, diagnostic: PlanDiagnostic): Diagnostic {
  return {
    range: { start: document.positionAt(diagnostic.range.start), end: document.positionAt(diagnostic.range.end) },
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: ruleDocumentationUri(diagnostic.code) },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    // What quick fixes act on: the element concerned and the kind of problem (see engine/rules/types.ts).
    ...(diagnostic.data ? { data: diagnostic.data } : {}),
  };
}
