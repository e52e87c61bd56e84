/**
 * The plan of each open document's latest version, parsed once and shared by the analyses and the
 * workspace index. Each document keeps its section cache, so a new version re-parses only the
 * sections an edit touched.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePlan, SectionCache, type Plan } from '../engine/index.js';

interface Entry {
  version: number;
  plan: Plan;
  sections: SectionCache;
}

export class DocumentPlans {
  private readonly entries = new Map<string, Entry>();

  plan(document: TextDocument): Plan {
    const entry = this.entries.get(document.uri);
    if (entry?.version === document.version) return entry.plan;
    const sections = entry?.sections ?? new SectionCache();
    const plan = parsePlan(document.getText(), sections);
    this.entries.set(document.uri, { version: document.version, plan, sections });
    return plan;
  }

  /** The document closed: its sections are no longer worth keeping. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
