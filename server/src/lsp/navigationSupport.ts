/**
 * What the navigation features (definition, references, rename, symbols, folding, highlights)
 * share: the plan a request is about, offsets to positions, and answering safely.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, type Location, type Position, type Range as LspRange } from 'vscode-languageserver';
import type { IdLocation, PlanSource, Range } from '../engine/index.js';
import type { ServerContext } from './context.js';
import type { IndexedPlan, WorkspaceIndex } from './workspaceIndex.js';

export type PlanSetView = ReturnType<WorkspaceIndex['planSet']>;

export function toLspRange(lines: TextDocument, range: Range): LspRange {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

/** The request's plan, the plans around it, and the offset of the position (clamped to the text). */
export interface NavigationRequest {
  plans: PlanSetView;
  source: PlanSource;
  entry: IndexedPlan;
  offset: number;
}

/**
 * Resolves a request on an open document; undefined when the document is not open. With `wait`,
 * waits for the start-up scan of the workspace, since the answer depends on other plans.
 */
export async function navigationRequest(context: ServerContext, uri: string, position: Position | undefined, wait: boolean): Promise<NavigationRequest | undefined> {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  if (wait) await context.index.ready();
  const plans = context.index.planSet();
  const source = plans.sourceOf(uri);
  const entry = source && plans.entry(source.key);
  if (!source || !entry) return undefined;
  return { plans, source, entry, offset: position ? entry.lines.offsetAt(position) : 0 };
}

/** An occurrence's location in the client's terms. */
export function toLocation(plans: PlanSetView, location: IdLocation): Location | undefined {
  const entry = plans.entry(location.source.key);
  return entry && { uri: entry.uri, range: toLspRange(entry.lines, location.occurrence.range) };
}

/**
 * Runs a handler so that a bug answers `fallback` (and is logged) rather than failing the request;
 * a ResponseError, the deliberate answer to a request that cannot be met, is passed on.
 */
export async function safely<T>(context: ServerContext, what: string, fallback: T, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    context.connection.console.error(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return fallback;
  }
}
