/**
 * Every `*.plan.md` in the workspace folders, parsed: what cross-file features (definitions,
 * references, rename, workspace symbols) and plans that keep their recommendations in another
 * file read. Open documents take precedence over the files on disk.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { parsePlan, type Plan } from '../engine/index.js';
import { filePath } from './planAnalyses.js';

export interface IndexedPlan {
  uri: string;
  text: string;
  plan: Plan;
}

export class WorkspaceIndex {
  private readonly onDisk = new Map<string, IndexedPlan>();
  private readonly parsedOpen = new Map<string, { version: number; entry: IndexedPlan }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    readonly roots: readonly string[],
  ) {}

  /** Reads every plan under the workspace folders; `report` receives progress from 0 to 100. */
  async scan(report: (done: number, total: number) => void = () => undefined): Promise<number> {
    const files = (
      await Promise.all(this.roots.map((root) => glob('**/*.plan.md', { cwd: root, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })))
    ).flat();
    let done = 0;
    for (const file of files) {
      await this.readFromDisk(pathToFileURL(file).href);
      report(++done, files.length);
    }
    return files.length;
  }

  /** A plan file changed, appeared or disappeared on disk. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    if (deleted) this.onDisk.delete(uri);
    else await this.readFromDisk(uri);
  }

  /** The plan at `uri`: the open document's text if it is open, else the file as last read. */
  get(uri: string): IndexedPlan | undefined {
    const document = this.documents.get(uri);
    if (!document) return this.onDisk.get(uri);
    const cached = this.parsedOpen.get(uri);
    if (cached && cached.version === document.version) return cached.entry;
    const text = document.getText();
    const entry = { uri, text, plan: parsePlan(text) };
    this.parsedOpen.set(uri, { version: document.version, entry });
    return entry;
  }

  /** Every plan known, open ones with their unsaved text. */
  all(): IndexedPlan[] {
    const uris = new Set([...this.onDisk.keys(), ...this.documents.keys().filter((uri) => uri.endsWith('.plan.md') || this.documents.get(uri)?.languageId === 'improvement-plan')]);
    return [...uris].map((uri) => this.get(uri)).filter((entry): entry is IndexedPlan => entry !== undefined);
  }

  closed(uri: string): void {
    this.parsedOpen.delete(uri);
  }

  private async readFromDisk(uri: string): Promise<void> {
    const path = filePath(uri);
    if (!path) return;
    try {
      const text = await readFile(path, 'utf8');
      this.onDisk.set(uri, { uri, text, plan: parsePlan(text) });
    } catch {
      this.onDisk.delete(uri);
    }
  }
}
