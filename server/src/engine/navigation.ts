/**
 * Navigation over one plan or several: where every recommendation and action ID occurs, what an
 * occurrence refers to (in this plan or in the plan named by `recommendations:`), its references,
 * renaming, outline symbols and folding ranges. Pure: plans come in through a `PlanSet`, files are
 * named by opaque keys, and every range is a pair of offsets into a plan's text.
 */
import { readLinks } from './analysis.js';
import { matchActionId, matchRecommendationId } from './ids.js';
import type { Plan, PlanElement, Range } from './model.js';

export type IdKind = 'recommendation' | 'action';

/** One place where a recommendation or action ID is written. */
export interface IdOccurrence {
  kind: IdKind;
  /** Normalised: `R1`, `P2`, `A1.2`. */
  id: string;
  /** `declaration`: the ID of a heading; `link`: an entry of a Links field. */
  role: 'declaration' | 'link';
  /** The ID as written (`R1`, `Recommendation 1`). */
  range: Range;
  text: string;
  /** The element the heading declares, or the action whose Links field names the ID. */
  element: PlanElement;
}

/** A plan as navigation sees it. */
export interface PlanSource {
  /** Identifies the file (the LSP layer uses its path). */
  key: string;
  /** The file's name, for messages. */
  name: string;
  plan: Plan;
  /** The key of the plan named by the `recommendations:` front-matter key, if any. */
  recommendationsKey: string | undefined;
}

export interface PlanSet {
  get(key: string): PlanSource | undefined;
  /** Every plan that may mention IDs declared in another (the workspace). */
  all(): Iterable<PlanSource>;
}

/** An occurrence and the plan it is in. */
export interface IdLocation {
  source: PlanSource;
  occurrence: IdOccurrence;
}

// Occurrences are computed once per parsed plan.
const occurrenceCache = new WeakMap<Plan, IdOccurrence[]>();

/** Every ID occurrence in the plan, in text order. */
export function idOccurrences(plan: Plan): IdOccurrence[] {
  let occurrences = occurrenceCache.get(plan);
  if (occurrences) return occurrences;
  occurrences = [];
  for (const element of [...plan.recommendations, ...plan.actions]) {
    occurrences.push({ kind: element.kind, id: element.id, role: 'declaration', range: element.idSpan.range, text: element.idSpan.text, element });
  }
  for (const action of plan.actions) {
    // Every Links field, not only the first: a rename must leave no old ID behind.
    for (const field of action.fields) {
      if (field.name !== 'links') continue;
      for (const link of readLinks(field)) {
        if (link.id !== undefined) occurrences.push({ kind: 'recommendation', id: link.id, role: 'link', range: link.range, text: link.text, element: action });
      }
    }
  }
  occurrences.sort((a, b) => a.range.start - b.range.start);
  occurrenceCache.set(plan, occurrences);
  return occurrences;
}

/** The occurrence at `offset`, counting the position just after an ID as on it. */
export function idOccurrenceAt(plan: Plan, offset: number): IdOccurrence | undefined {
  const candidates = idOccurrences(plan).filter((o) => o.range.start <= offset && offset <= o.range.end);
  return candidates.find((o) => offset < o.range.end) ?? candidates[0];
}

/** Every occurrence of the same ID in the plan: what an editor highlights. */
export function sameIdIn(plan: Plan, occurrence: IdOccurrence): IdOccurrence[] {
  return idOccurrences(plan).filter((o) => o.kind === occurrence.kind && o.id === occurrence.id);
}

const declares = (source: PlanSource, kind: IdKind, id: string): boolean =>
  (kind === 'recommendation' ? source.plan.recommendations : source.plan.actions).some((element) => element.id === id);

const declarationsIn = (source: PlanSource, kind: IdKind, id: string): IdLocation[] =>
  idOccurrences(source.plan)
    .filter((o) => o.role === 'declaration' && o.kind === kind && o.id === id)
    .map((occurrence) => ({ source, occurrence }));

/** The plan named by `source`'s `recommendations:` key, if it is known and is not `source` itself. */
export function recommendationsFileOf(plans: PlanSet, source: PlanSource): PlanSource | undefined {
  const key = source.recommendationsKey;
  return key === undefined || key === source.key ? undefined : plans.get(key);
}

/**
 * The plan an ID written in `from` resolves to, as the checker resolves it: actions within their
 * plan; recommendations in `from` first, then in its recommendations file. Undefined when nothing
 * declares the ID.
 */
export function homeOf(plans: PlanSet, from: PlanSource, kind: IdKind, id: string): PlanSource | undefined {
  if (declares(from, kind, id)) return from;
  if (kind === 'action') return undefined;
  const file = recommendationsFileOf(plans, from);
  return file && declares(file, kind, id) ? file : undefined;
}

/** Where the ID is declared: one heading, or several when the ID is duplicated. */
export function definitionsOf(plans: PlanSet, from: PlanSource, occurrence: IdOccurrence): IdLocation[] {
  const home = homeOf(plans, from, occurrence.kind, occurrence.id);
  return home ? declarationsIn(home, occurrence.kind, occurrence.id) : [];
}

/**
 * Every occurrence that refers to the same recommendation or action: in the declaring plan, and,
 * for a recommendation, the Links of every plan that names the declaring plan as its
 * recommendations file (unless that plan declares the ID itself). An action's section does not
 * count as a reference to its recommendation. The declaring plan comes first, then the others
 * by key; each in text order.
 */
export function referencesOf(plans: PlanSet, from: PlanSource, occurrence: IdOccurrence, includeDeclarations = true): IdLocation[] {
  const { kind, id } = occurrence;
  const home = homeOf(plans, from, kind, id);
  const inPlan = (source: PlanSource): IdLocation[] =>
    idOccurrences(source.plan)
      .filter((o) => o.kind === kind && o.id === id && (includeDeclarations || o.role === 'link'))
      .map((o) => ({ source, occurrence: o }));
  // Nothing declares it: only this plan's mentions are about the same (missing) recommendation.
  if (!home) return inPlan(from);
  const result = inPlan(home);
  if (kind === 'recommendation') {
    const users = new Map<string, PlanSource>();
    for (const source of [from, ...plans.all()]) {
      if (source.key !== home.key && source.recommendationsKey === home.key && !declares(source, kind, id)) users.set(source.key, source);
    }
    for (const key of [...users.keys()].sort()) result.push(...inPlan(users.get(key)!));
  }
  return result;
}

export interface PlannedEdit {
  source: PlanSource;
  range: Range;
  newText: string;
}

export type RenameCheck = { range: Range; placeholder: string } | { error: string };
export type RenamePlan = { edits: PlannedEdit[] } | { error: string };

export const NOT_AN_ID = 'Put the cursor on a recommendation or action ID, such as R1 or A1.2, to rename it.';

/** Whether the ID at `offset` can be renamed, and the range to rename. */
export function checkRename(plans: PlanSet, from: PlanSource, offset: number): RenameCheck {
  const occurrence = idOccurrenceAt(from.plan, offset);
  if (!occurrence) return { error: NOT_AN_ID };
  const problem = renameProblem(plans, from, occurrence);
  return problem ? { error: problem } : { range: occurrence.range, placeholder: occurrence.id };
}

function renameProblem(plans: PlanSet, from: PlanSource, occurrence: IdOccurrence): string | undefined {
  const { kind, id } = occurrence;
  const home = homeOf(plans, from, kind, id);
  if (!home) return `${id} is not declared in this plan or its recommendations file, so there is nothing to rename.`;
  if (occurrence.role === 'link' && declarationsIn(home, kind, id).length > 1) {
    return `${id} is declared more than once in ${home.name}: rename one of its headings first.`;
  }
  return undefined;
}

/**
 * The edits that rename the ID at `offset` to `newName`, in every plan that refers to it. The new
 * ID is written in its short form (`R7`, `A2.3`), also where the old one was written out
 * (`Recommendation 1`). A heading whose ID is duplicated is renamed alone, which resolves the
 * duplicate; an action's ID is only ever written in its heading.
 */
export function planRename(plans: PlanSet, from: PlanSource, offset: number, newName: string): RenamePlan {
  const occurrence = idOccurrenceAt(from.plan, offset);
  if (!occurrence) return { error: NOT_AN_ID };
  const problem = renameProblem(plans, from, occurrence);
  if (problem) return { error: problem };
  const { kind, id } = occurrence;
  const newId = normaliseId(kind, newName);
  if (newId === undefined) {
    const shown = newName.trim().length > 40 ? `${newName.trim().slice(0, 40)}...` : newName.trim();
    return {
      error: kind === 'recommendation'
        ? `"${shown}" is not a recommendation ID: use one such as R7 or P2.`
        : `"${shown}" is not an action ID: use one such as A7 or A2.3.`,
    };
  }
  const home = homeOf(plans, from, kind, id)!;
  const renameOneHeading = kind === 'action' || (occurrence.role === 'declaration' && declarationsIn(home, kind, id).length > 1);
  const targets: IdLocation[] = renameOneHeading ? [{ source: from, occurrence }] : referencesOf(plans, from, occurrence);

  if (newId !== id) {
    // The new ID must not already mean something where the renamed one is declared or used.
    const checked = new Map<string, PlanSource>([[home.key, home]]);
    for (const target of targets) checked.set(target.source.key, target.source);
    for (const source of checked.values()) {
      if (declares(source, kind, newId)) return { error: `${newId} is already ${kind === 'action' ? 'an action' : 'a recommendation'} in ${source.name}: choose another ID.` };
    }
    const homeFile = kind === 'recommendation' ? recommendationsFileOf(plans, home) : undefined;
    if (homeFile && declares(homeFile, kind, newId)) return { error: `${newId} is already a recommendation in ${homeFile.name}: choose another ID.` };
  }
  return { edits: targets.map((target) => ({ source: target.source, range: target.occurrence.range, newText: newId })) };
}

/** The short form of a whole ID of the given kind (`Recommendation 7` is `R7`), or undefined. */
export function normaliseId(kind: IdKind, text: string): string | undefined {
  const trimmed = text.trim();
  const match = kind === 'recommendation' ? matchRecommendationId(trimmed) : matchActionId(trimmed);
  return match && match.length === trimmed.length ? match.id : undefined;
}

/** An entry of a plan's outline. */
export interface PlanSymbol {
  element: PlanElement;
  /** The ID in its short form and the heading's title or statement: `R2 Care plans`. */
  name: string;
  /** For actions: the Owner and Due as written. */
  detail: string | undefined;
  /** The heading and its section, without the blank lines at its end. */
  range: Range;
  /** The ID and title in the heading. */
  selectionRange: Range;
  children: PlanSymbol[];
}

/**
 * The plan's outline: each recommendation holds the actions (and any recommendation) in its
 * section; actions in no recommendation's section, such as cross-cutting ones, are at the top.
 */
export function planSymbols(plan: Plan): PlanSymbol[] {
  const elements = [...plan.recommendations, ...plan.actions].sort((a, b) => a.headingRange.start - b.headingRange.start);
  const top: PlanSymbol[] = [];
  const open: PlanSymbol[] = [];
  for (const element of elements) {
    const symbol = symbolOf(plan, element);
    while (open.length > 0 && !(element.headingRange.start < open[open.length - 1]!.element.sectionRange.end)) open.pop();
    (open.length > 0 ? open[open.length - 1]!.children : top).push(symbol);
    if (element.kind === 'recommendation') open.push(symbol);
  }
  return top;
}

function symbolOf(plan: Plan, element: PlanElement): PlanSymbol {
  const rest = element.kind === 'recommendation' ? element.title : element.statement;
  const title = rest.text.replace(/\s+/g, ' ').trim();
  let detail: string | undefined;
  if (element.kind === 'action') {
    const value = (name: string) => element.fields.find((field) => field.name === name)?.valueText;
    const owner = value('owner');
    const due = value('due');
    detail = [owner, due ? `due ${due}` : undefined].filter((part) => part).join(', ') || undefined;
  }
  return {
    element,
    name: title ? `${element.id} ${title}` : element.id,
    detail,
    range: elementRange(plan, element),
    selectionRange: { start: element.idSpan.range.start, end: Math.max(element.idSpan.range.end, rest.range.end) },
    children: [],
  };
}

/** A recommendation's or action's heading and section, without the blank lines at its end. */
export function elementRange(plan: Plan, element: PlanElement): Range {
  const { start, end } = element.sectionRange;
  const rest = element.kind === 'recommendation' ? element.title : element.statement;
  return { start, end: Math.max(element.idSpan.range.end, rest.range.end, trimmedEnd(plan.text, start, end)) };
}

/** The end of the text in [start, end) without trailing white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** Whether every character of the query appears in the name, in order, ignoring case and spaces. */
export function matchesQuery(name: string, query: string): boolean {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const haystack = name.toLowerCase();
  let at = 0;
  for (const char of wanted) {
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

export interface WorkspaceSymbolEntry {
  source: PlanSource;
  symbol: PlanSymbol;
  /** The recommendation whose section holds an action, as in the outline. */
  container: string | undefined;
}

/** Every recommendation and action of the plans whose name matches the query, by plan then position. */
export function workspaceSymbols(sources: Iterable<PlanSource>, query: string): WorkspaceSymbolEntry[] {
  const result: WorkspaceSymbolEntry[] = [];
  const visit = (source: PlanSource, symbols: PlanSymbol[], container: string | undefined): void => {
    for (const symbol of symbols) {
      if (matchesQuery(symbol.name, query)) result.push({ source, symbol, container });
      visit(source, symbol.children, symbol.name);
    }
  };
  for (const source of [...sources].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) visit(source, planSymbols(source.plan), undefined);
  return result;
}

export interface Fold {
  /** Offset on the first line of the fold. */
  start: number;
  /** Offset just after the fold's last character (on its last line). */
  end: number;
  what: 'front-matter' | 'section' | 'fields' | 'sub-list';
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * What an editor can fold: the front matter; the section under every heading (a recommendation,
 * an action or any other heading); each action's field list; each Milestones or Progress sub-list.
 * Folds on one line are left to the caller to drop.
 */
export function foldingRanges(plan: Plan): Fold[] {
  const { text } = plan;
  const folds: Fold[] = [];
  if (plan.frontMatter) folds.push({ start: plan.frontMatter.range.start, end: trimmedEnd(text, plan.frontMatter.range.start, plan.frontMatter.range.end), what: 'front-matter' });

  // Headings: the plan's own (exact) and other ATX headings found line by line.
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const headings = new Map<number, { depth: number; end: number | undefined }>();
  for (const element of [...plan.recommendations, ...plan.actions]) {
    headings.set(lineStart(element.headingRange.start), { depth: element.depth, end: element.sectionRange.end });
  }
  for (const heading of otherHeadings(text, plan.frontMatter?.range.end ?? 0)) {
    if (!headings.has(heading.start)) headings.set(heading.start, { depth: heading.depth, end: undefined });
  }
  const ordered = [...headings.entries()].sort((a, b) => a[0] - b[0]);
  ordered.forEach(([start, heading], index) => {
    let end = heading.end;
    if (end === undefined) {
      const next = ordered.slice(index + 1).find(([, later]) => later.depth <= heading.depth);
      end = next ? next[0] : text.length;
    }
    folds.push({ start, end: trimmedEnd(text, start, end), what: 'section' });
  });

  for (const action of plan.actions) {
    const [first, last] = [action.fields[0], action.fields[action.fields.length - 1]];
    if (first && last) folds.push({ start: first.range.start, end: trimmedEnd(text, first.range.start, last.range.end), what: 'fields' });
    for (const field of action.fields) {
      if (field.items.length > 0) folds.push({ start: field.range.start, end: trimmedEnd(text, field.range.start, field.range.end), what: 'sub-list' });
    }
  }
  return folds.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** ATX headings outside fenced code, as line starts and depths, from `from` on. */
function otherHeadings(text: string, from: number): { start: number; depth: number }[] {
  const headings: { start: number; depth: number }[] = [];
  let fence: { char: string; length: number } | undefined;
  let offset = from;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(offset, end);
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1]![0] === fence.char && opening[1]!.length >= fence.length && line.trim() === opening[1]) fence = undefined;
    } else if (opening && !(opening[1]![0] === '`' && line.slice(opening[0].length).includes('`'))) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
    } else {
      const heading = ATX_HEADING.exec(line);
      if (heading) headings.push({ start: offset, depth: heading[1]!.length });
    }
    offset = end + 1;
  }
  return headings;
}
