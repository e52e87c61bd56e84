/**
 * One analysis per open document version, shared by every LSP feature. Results are cached by
 * document version and dropped when settings, `.planrc` files or a recommendations file change.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver';
import { LintCache, lintPlanSteps, runSteps, warmUpSteps, type LintResult } from '../engine/index.js';
import { runCooperatively } from './cooperative.js';
import type { DocumentPlans } from './documentPlans.js';
import { limitHeapGrowth } from '../node/heapGrowth.js';
import { findPlanrc, readPlanrc, type PlanrcResult } from '../node/planrc.js';
import { recommendationsFileReader } from '../node/recommendationsFile.js';
import type { SettingsStore } from './settings.js';

interface Entry {
  version: number;
  generation: number;
  result: LintResult;
  /** Absolute paths of other files this result was computed from. */
  dependencies: Set<string>;
}

const EMPTY_PLANRC: PlanrcResult = { file: undefined, settings: {}, problems: [] };

export class PlanAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Analyses under way, so that features asking for the same version share one. */
  private readonly running = new Map<string, { version: number; generation: number; result: Promise<LintResult> }>();
  /** Action findings of each open document, so that an edit re-checks only the actions it touched. */
  private readonly findings = new Map<string, LintCache>();
  private readonly planrcs = new Map<string, PlanrcResult>();
  private readonly reportedProblems = new Set<string>();
  private generation = 0;
  private warmedUp = false;
  workspaceRoots: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly plans: DocumentPlans,
  ) {}

  /** Settings or configuration files changed: every result must be computed again. */
  invalidateAll(): void {
    this.generation++;
  }

  /** Drops the cached result (the document changed elsewhere), and with `closed` its parse cache too. */
  forget(uri: string, closed = false): void {
    this.entries.delete(uri);
    if (closed) {
      this.findings.delete(uri);
      this.plans.forget(uri);
    }
  }

  /** Open documents whose analysis read the file at `uri`. */
  dependentsOf(uri: string): string[] {
    const changed = filePath(uri);
    if (!changed) return [];
    return [...this.entries].filter(([, entry]) => entry.dependencies.has(changed)).map(([dependent]) => dependent);
  }

  /**
   * The analysis of the document's version. Big plans are analysed a slice at a time, so the server
   * keeps answering meanwhile; if a newer version arrives first, this one is dropped and the promise
   * rejects with ContentModified (pull diagnostics are asked for again).
   */
  analyse(document: TextDocument): Promise<LintResult> {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return Promise.resolve(cached.result);
    const running = this.running.get(document.uri);
    if (running && running.version === document.version && running.generation === this.generation) return running.result;
    const result = this.compute(document);
    const entry = { version: document.version, generation: this.generation, result };
    this.running.set(document.uri, entry);
    const done = (): void => {
      if (this.running.get(document.uri) === entry) this.running.delete(document.uri);
    };
    result.then(done, done);
    return result;
  }

  private async compute(document: TextDocument): Promise<LintResult> {
    const generation = this.generation;
    const stale = (): boolean => this.documents.get(document.uri)?.version !== document.version || this.generation !== generation;
    const settings = await this.settings.get(document.uri);
    const planPath = filePath(document.uri);
    const dependencies = new Set<string>();
    const planrc = planPath ? this.planrcFor(planPath) : EMPTY_PLANRC;
    let findings = this.findings.get(document.uri);
    if (!findings) this.findings.set(document.uri, (findings = new LintCache()));
    const plan = await this.plans.planSoon(document, stale);
    const result =
      plan &&
      (await runCooperatively(
        lintPlanSteps(plan, {
          cache: findings,
          editorSettings: settings.rules,
          fileSettings: planrc.settings,
          maxActionsPerOwnerPerMonth: settings.maxActionsPerOwnerPerMonth,
          minimumDaysFromStartToDue: settings.minimumDaysFromStartToDue,
          smartAllow: [...settings.smartAllow, ...(planrc.smartAllow ?? [])],
          // The folder's .planrc speaks for the plan; the editor setting applies where it is silent.
          smartWordingModel: planrc.smartWordingModel ?? settings.smartWordingModel,
          readRecommendationsFile: planPath
            ? (relative) => {
                dependencies.add(path.resolve(path.dirname(planPath), relative));
                return recommendationsFileReader(planPath, (absolute) => this.openText(absolute))(relative);
              }
            : undefined,
        }),
        stale,
      ));
    if (!result) throw new ResponseError(LSPErrorCodes.ContentModified, `${document.uri} changed while it was analysed: ask again.`);
    this.entries.set(document.uri, { version: document.version, generation, result, dependencies });
    this.warmUpOnce();
    limitHeapGrowth();
    return result;
  }

  /**
   * Runs the engine's rarely used paths once (see warmUp.ts), in one go, just after the first
   * analysis has been answered: the first problems are not delayed, and nobody types within the
   * 50 ms or so it takes after a plan opens, so no later keystroke pays for a first use.
   */
  private warmUpOnce(): void {
    if (this.warmedUp) return;
    this.warmedUp = true;
    // A timer, not setImmediate: the answer to this analysis is written out at setImmediate first.
    setTimeout(() => runSteps(warmUpSteps()), 0).unref();
  }

  private openText(absolute: string): string | undefined {
    return this.documents.all().find((document) => filePath(document.uri) === absolute)?.getText();
  }

  /**
   * The `.planrc` that applies to a plan. Looked up on every analysis (a few `stat` calls) and read
   * again when its modification time changes, so that clients without file watchers see changes.
   */
  private planrcFor(planPath: string): PlanrcResult {
    const root = this.workspaceRoots.find((folder) => planPath.startsWith(folder + path.sep));
    const file = findPlanrc(planPath, root);
    if (!file) return EMPTY_PLANRC;
    let modified: number;
    try {
      modified = statSync(file).mtimeMs;
    } catch {
      return EMPTY_PLANRC;
    }
    const key = `${file}\u0000${modified}`;
    let planrc = this.planrcs.get(key);
    if (!planrc) {
      planrc = readPlanrc(file);
      this.planrcs.set(key, planrc);
      for (const problem of planrc.problems) {
        if (this.reportedProblems.has(problem)) continue;
        this.reportedProblems.add(problem);
        showWarning(this.connection, `Improvement plan: ${problem}`);
      }
    }
    return planrc;
  }
}

/** A warning the user can read and dismiss: a notification, since some clients block on a request (Neovim 0.7 prompts). */
export function showWarning(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
