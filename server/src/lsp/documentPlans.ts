/**
 * The plan of each open document's latest version, parsed once and shared by the analyses and the
 * workspace index. Each document keeps its section cache, so a new version re-parses only the
 * sections an edit touched.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePlanSteps, runSteps, SectionCache, type Plan } from '../engine/index.js';
import { runCooperatively } from './cooperative.js';

export class DocumentPlans {
  private readonly parsed = new Map<string, { version: number; plan: Plan }>();
  private readonly sections = new Map<string, SectionCache>();

  /** The document's plan, parsed now if need be. */
  plan(document: TextDocument): Plan {
    return this.cached(document) ?? this.keep(document, runSteps(parsePlanSteps(document.getText(), this.sectionsOf(document.uri))));
  }

  /** The same plan, parsed a slice at a time (see cooperative.ts); undefined if the version became stale meanwhile. */
  async planSoon(document: TextDocument, stale: () => boolean): Promise<Plan | undefined> {
    const cached = this.cached(document);
    if (cached) return cached;
    const plan = await runCooperatively(parsePlanSteps(document.getText(), this.sectionsOf(document.uri)), stale);
    return plan && (this.cached(document) ?? this.keep(document, plan));
  }

  /** The document closed: its sections are no longer worth keeping. */
  forget(uri: string): void {
    this.parsed.delete(uri);
    this.sections.delete(uri);
  }

  private cached(document: TextDocument): Plan | undefined {
    const parsed = this.parsed.get(document.uri);
    return parsed?.version === document.version ? parsed.plan : undefined;
  }

  private keep(document: TextDocument, plan: Plan): Plan {
    const parsed = this.parsed.get(document.uri);
    // A slower parse of an older version must not replace a newer one.
    if (!parsed || parsed.version <= document.version) this.parsed.set(document.uri, { version: document.version, plan });
    return plan;
  }

  private sectionsOf(uri: string): SectionCache {
    let sections = this.sections.get(uri);
    if (!sections) this.sections.set(uri, (sections = new SectionCache()));
    return sections;
  }
}
