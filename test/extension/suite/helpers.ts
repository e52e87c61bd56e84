/**
 * Shared helpers for the extension tests. Only the `vscode` API is used, so the suite runs the
 * same in desktop VS Code and in code-server.
 *
 * Waiting is always on an event (`vscode.languages.onDidChangeDiagnostics`,
 * `vscode.window.tabGroups.onDidChangeTabs`); the time limits only turn a hang into a failure that
 * says what was awaited and what was seen instead.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'improvement-plan.improvement-plan';
export const LANGUAGE_ID = 'improvement-plan';
export const SOURCE = 'improvement-plan';
export const WAIT_MS = 30_000;

/** The extension under test (fails the test when VS Code does not know it). */
export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/**
 * The test workspace: a temporary copy of examples/ made by runTest. Refuses to run on the
 * repository's own examples folder, which the tests must never modify.
 */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a copy of examples/); runTest.ts opens one');
  const extensionExamples = vscode.Uri.joinPath(extension().extensionUri, 'examples');
  assert.notEqual(
    folder.uri.toString().replace(/\/$/, ''),
    extensionExamples.toString(),
    'the workspace must be a copy of examples/, not the repository folder itself',
  );
  return folder.uri;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

/** Copies `from` (a file of the workspace) to a new file `to` in the workspace, replacing it. */
export async function copyInWorkspace(from: string, to: string): Promise<vscode.Uri> {
  const target = workspaceFile(to);
  await vscode.workspace.fs.copy(workspaceFile(from), target, { overwrite: true });
  return target;
}

/** Writes `text` to a new file `name` in the workspace, replacing it. */
export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const target = workspaceFile(name);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return target;
}

/** A diagnostic's code as a string (the language client turns code + codeDescription into { value, target }). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Diagnostics as `line code` (1-based line of the start), ordered by line; the fixture's format. */
export function lineCodes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => `${d.range.start.line + 1} ${codeOf(d)}`);
}

/** Orders a fixture list the way lineCodes() does (by line number; the fixture is already in order). */
export function byLine(list: readonly string[]): string[] {
  return [...list].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
}

/** This extension's diagnostics for `uri` (other sources left out). */
export function planDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export interface WaitOptions {
  /** What is awaited, for the failure message. */
  what: string;
  timeoutMs?: number;
  /**
   * Only accept a state reported by a change event that came after this call (not the state at
   * the time of the call). Use when the state wanted may already hold before the server has
   * answered, e.g. "no diagnostics" for a document just opened.
   */
  afterEvent?: boolean;
}

/**
 * Resolves with this extension's diagnostics for `uri` once `accept` returns true for them,
 * checking now (unless afterEvent) and on each onDidChangeDiagnostics event for `uri`.
 * Call it before the action whose effect it awaits, and await it after.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  { what, timeoutMs = WAIT_MS, afterEvent = false }: WaitOptions,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let events = 0;
    const finish = (error: Error | undefined, diagnostics?: vscode.Diagnostic[]) => {
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(diagnostics!);
    };
    const check = () => {
      const diagnostics = planDiagnostics(uri);
      if (accept(diagnostics)) finish(undefined, diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === key)) return;
      events++;
      check();
    });
    const timer = setTimeout(() => {
      const now = lineCodes(planDiagnostics(uri));
      finish(
        new Error(
          `timed out after ${timeoutMs / 1000} s waiting for ${what} in ${uri.path}; ` +
            `${events} diagnostics change event(s) seen; diagnostics now: ${JSON.stringify(now)}`,
        ),
      );
    }, timeoutMs);
    if (!afterEvent) check();
  });
}

/** Waits until the `line code` list of `uri` is exactly `expected` (in line order). */
export function waitForLineCodes(
  uri: vscode.Uri,
  expected: readonly string[],
  options: Omit<WaitOptions, 'what'> & { what?: string } = {},
): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify(byLine(expected));
  return waitForDiagnostics(uri, (d) => JSON.stringify(lineCodes(d)) === want, {
    what: options.what ?? `the diagnostics ${want}`,
    ...options,
  });
}

/**
 * Opens `uri` in an editor and resolves with the editor and the diagnostics once `accept` holds.
 * With afterEvent, only diagnostics reported after the document was opened count (needed when
 * `accept` may hold before the server has answered, e.g. "no diagnostics").
 */
export async function openAndWait(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  { afterEvent = false }: { afterEvent?: boolean } = {},
): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const waiting = waitForDiagnostics(uri, accept, { what, afterEvent });
  try {
    const editor = await show(uri);
    return { editor, diagnostics: await waiting };
  } catch (error) {
    waiting.catch(() => {}); // the open failed: its error is the one to report
    throw error;
  }
}

/** Whether a text document for `uri` is open (in an editor or not). */
export function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

/** Shows `uri` in an editor (opening it if need be). */
export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Throws away unsaved changes of `uri` and closes its editors, leaving the file on disk as it was. */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document) return;
  if (document.isDirty) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await closeTabsOf(uri);
}

/** Closes every tab that shows `uri` as text (none open is fine). */
export async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

/**
 * Resolves once `accept` holds for the open tabs, checking now and on each onDidChangeTabs event.
 */
export function waitForTabs(accept: (tabs: vscode.Tab[]) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.Tab[]> {
  const all = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(all());
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (accept(all())) finish();
    });
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; tabs: ${JSON.stringify(all().map((t) => t.label))}`)),
      timeoutMs,
    );
    if (accept(all())) finish();
  });
}

/** The 0-based line of the first line of `document` that equals `text` exactly. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text === text) return line;
  }
  assert.fail(`no line ${JSON.stringify(text)} in ${document.uri.path}`);
}
