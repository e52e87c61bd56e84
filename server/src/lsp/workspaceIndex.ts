/**
 * Every `*.plan.md` in the workspace folders, parsed: what cross-file features (definitions,
 * references, rename, workspace symbols) and plans that keep their recommendations in another
 * file read. Open documents take precedence over the files on disk.
 *
 * Files are keyed by their path, so that a file is one entry however a client spells its URI
 * (VS Code writes `children%27s.plan.md` where Node writes `children's.plan.md`). The index keeps
 * itself right from `workspace/didChangeWatchedFiles` (created, changed, deleted) and from
 * documents closing (the file on disk counts again).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import { parsePlan, type Plan, type PlanSet, type PlanSource } from '../engine/index.js';
import { ParsePool } from '../node/parsePool.js';
import type { DocumentPlans } from './documentPlans.js';
import { filePath } from './planAnalyses.js';

export interface IndexedPlan {
  /** The URI the client knows the file by: an open document's own URI. */
  uri: string;
  text: string;
  plan: Plan;
  /** The open document's version; undefined for a file read from disk. */
  version: number | undefined;
  /** For converting offsets to positions. */
  lines: TextDocument;
}

const IGNORED_FOLDERS = ['node_modules', '.git'];
/** How long a request waits for the start-up scan before answering from what is indexed. */
const SCAN_WAIT_MS = 10_000;

/** The index's key for a URI: the file's path, or the URI itself for other schemes (untitled:). */
export function keyOf(uri: string): string {
  return filePath(uri) ?? uri;
}

export class WorkspaceIndex {
  private readonly onDisk = new Map<string, IndexedPlan>();
  private readonly parsedOpen = new Map<string, { version: number; entry: IndexedPlan }>();
  private scanned!: () => void;
  private readonly scanDone = new Promise<void>((resolve) => (this.scanned = resolve));

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    readonly roots: readonly string[],
    private readonly plans: DocumentPlans,
  ) {
    if (roots.length === 0) this.scanned();
  }

  /** Reads every plan under the workspace folders; `report` receives the count done and the total. */
  async scan(report: (done: number, total: number) => void = () => undefined): Promise<number> {
    try {
      const files = (
        await Promise.all(
          this.roots.map((root) => glob('**/*.plan.md', { cwd: root, absolute: true, ignore: IGNORED_FOLDERS.map((folder) => `**/${folder}/**`) })),
        )
      ).flat();
      // Files are parsed on worker threads, a few at a time each, in the order found.
      const pool = new ParsePool();
      let done = 0;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < files.length) {
          const file = path.resolve(files[next++]!);
          const parsed = await pool.parse(file);
          if (parsed) this.onDisk.set(file, diskEntry(file, parsed.text, parsed.plan));
          else this.onDisk.delete(file);
          report(++done, files.length);
        }
      };
      await Promise.all(Array.from({ length: pool.parallelism }, worker));
      await pool.close();
      return files.length;
    } finally {
      this.scanned();
    }
  }

  /** Resolves when the start-up scan is over (or after a while, so that no request waits for ever). */
  ready(): Promise<void> {
    return Promise.race([this.scanDone, new Promise<void>((resolve) => setTimeout(resolve, SCAN_WAIT_MS).unref())]);
  }

  /**
   * Files created, changed or deleted on disk, as `workspace/didChangeWatchedFiles` reports them.
   * The work is done before this returns, so requests that follow see the new state.
   */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const file = filePath(change.uri);
      if (!file) continue;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder takes its plans with it.
        for (const key of [...this.onDisk.keys()]) if (key === file || key.startsWith(file + path.sep)) this.onDisk.delete(key);
      } else if (this.covers(file)) {
        this.readAtOnce(file);
      }
    }
  }

  /** A plan file changed, appeared or disappeared on disk. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    await this.filesChanged([{ uri, type: deleted ? FileChangeType.Deleted : FileChangeType.Changed }]);
  }

  /** The plan at `uri`: the open document's text if it is open, else the file as last read. */
  get(uri: string): IndexedPlan | undefined {
    return this.byKey(keyOf(uri));
  }

  /** Every plan known, open ones with their unsaved text. */
  all(): IndexedPlan[] {
    const keys = new Set(this.onDisk.keys());
    for (const document of this.documents.all()) {
      if (document.uri.endsWith('.plan.md') || document.languageId === 'improvement-plan') keys.add(keyOf(document.uri));
    }
    return [...keys].map((key) => this.byKey(key)).filter((entry): entry is IndexedPlan => entry !== undefined);
  }

  /** A document closed: its file on disk is what counts again (re-read, as its unsaved text is gone). */
  closed(uri: string): void {
    const key = keyOf(uri);
    this.parsedOpen.delete(key);
    const file = filePath(uri);
    if (file && this.covers(file)) this.readAtOnce(file);
  }

  /**
   * The plans as navigation sees them, for one request: the index, plus any recommendations file
   * outside it (outside the workspace folders, or when there are none), read when first asked for.
   */
  planSet(): PlanSet & { entry(key: string): IndexedPlan | undefined; sourceOf(uri: string): PlanSource | undefined } {
    const sources = new Map<string, PlanSource | undefined>();
    const extra = new Map<string, IndexedPlan | undefined>();
    const entry = (key: string): IndexedPlan | undefined => {
      const known = this.byKey(key);
      if (known || !path.isAbsolute(key)) return known;
      if (!extra.has(key)) extra.set(key, readNow(key));
      return extra.get(key);
    };
    const source = (key: string): PlanSource | undefined => {
      if (!sources.has(key)) {
        const found = entry(key);
        sources.set(key, found && { key, name: nameOf(found.uri), plan: found.plan, recommendationsKey: recommendationsKeyOf(found) });
      }
      return sources.get(key);
    };
    return {
      get: source,
      all: () => this.all().map((indexed) => source(keyOf(indexed.uri))!),
      entry,
      sourceOf: (uri) => source(keyOf(uri)),
    };
  }

  private byKey(key: string): IndexedPlan | undefined {
    const document = this.openDocument(key);
    if (!document) return this.onDisk.get(key);
    const cached = this.parsedOpen.get(key);
    if (cached && cached.version === document.version && cached.entry.uri === document.uri) return cached.entry;
    const entry: IndexedPlan = { uri: document.uri, text: document.getText(), plan: this.plans.plan(document), version: document.version, lines: document };
    this.parsedOpen.set(key, { version: document.version, entry });
    return entry;
  }

  private openDocument(key: string): TextDocument | undefined {
    return this.documents.get(path.isAbsolute(key) ? pathToFileURL(key).href : key) ?? this.documents.all().find((document) => keyOf(document.uri) === key);
  }

  /** Whether a file belongs in the index: a plan inside a workspace folder, not in node_modules or .git. */
  private covers(file: string): boolean {
    if (!file.endsWith('.plan.md')) return false;
    return this.roots.some((root) => {
      const relative = path.relative(root, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).some((part) => IGNORED_FOLDERS.includes(part));
    });
  }

  /** Reads a plan synchronously (plans are small), so that the next request already sees it. */
  private readAtOnce(file: string): void {
    const entry = readNow(file);
    if (entry) this.onDisk.set(file, entry);
    else this.onDisk.delete(file);
  }
}

function diskEntry(file: string, text: string, plan: Plan = parsePlan(text)): IndexedPlan {
  const uri = pathToFileURL(file).href;
  return { uri, text, plan, version: undefined, lines: TextDocument.create(uri, 'improvement-plan', 0, text) };
}

/** A plan file outside the index, read now; undefined if it cannot be read. */
function readNow(file: string): IndexedPlan | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    return diskEntry(file, readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The key of the file a plan's `recommendations:` names, resolved against the plan's folder. */
function recommendationsKeyOf(entry: IndexedPlan): string | undefined {
  const relative = entry.plan.frontMatter?.recommendationsFile?.value;
  const planPath = filePath(entry.uri);
  if (typeof relative !== 'string' || relative.trim() === '' || !planPath) return undefined;
  return path.resolve(path.dirname(planPath), relative);
}

function nameOf(uri: string): string {
  const file = filePath(uri);
  if (file) return path.basename(file);
  const last = uri.split(/[/:]/).pop();
  return last || uri;
}
