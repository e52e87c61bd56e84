/**
 * Facts derived from a plan once per analysis and shared by the rules: which recommendations
 * exist, which ones each action addresses, and each action's fields read as dates and statuses.
 */
import { readDate, todayIso, type DateReading, type IsoDate } from './dates.js';
import { matchRecommendationId } from './ids.js';
import type { Action, Field, FieldName, FrontMatterProblem, Plan, Range, Recommendation } from './model.js';
import { memoByText } from './memo.js';
import { readStatus, type Status } from './status.js';

/** One entry of a Links value: an ID, or text that is not an ID. */
export interface LinkReference {
  text: string;
  range: Range;
  /** Normalised ID, or undefined when the text is not a recommendation ID. */
  id: string | undefined;
}

export interface ActionFacts {
  field(name: FieldName): Field | undefined;
  links: LinkReference[];
  /** Containing recommendation and linked IDs, without repeats. */
  addressedIds: string[];
  due: DateReading | undefined;
  start: DateReading | undefined;
  status: Status | undefined;
}

/** What reading the file named by the `recommendations:` front-matter key gave. */
export type RecommendationsFile =
  | { name: string; recommendations: readonly Recommendation[] }
  | { error: string };

export interface AnalysisOptions {
  /** The date "overdue" is judged against when the plan has no `as-of`. Default: today. */
  today?: IsoDate;
  /**
   * Reads the file named by the `recommendations:` front-matter key (a path relative to the plan).
   * Without it, that key is ignored. The engine does no I/O itself.
   */
  readRecommendationsFile?: (path: string) => RecommendationsFile;
}

// Facts depend only on the action (fields, containing recommendation) and the reference date.
const factsOfReusedActions = new WeakMap<Action, { asOf: IsoDate; facts: ActionFacts }>();

export class PlanAnalysis {
  readonly asOf: IsoDate;
  /** The first declaration of each recommendation ID, this file's before the external file's. */
  readonly recommendationsById = new Map<string, Recommendation>();
  /** Recommendations from the `recommendations:` file, and that file's name. */
  readonly external: { name: string; recommendations: readonly Recommendation[] } | undefined;
  /** Why the `recommendations:` file could not be used, if it could not. */
  readonly externalProblem: FrontMatterProblem | undefined;
  private readonly facts = new Map<Action, ActionFacts>();

  constructor(
    readonly plan: Plan,
    readonly options: AnalysisOptions = {},
  ) {
    this.asOf = plan.frontMatter?.asOf?.value ?? options.today ?? todayIso();
    const file = plan.frontMatter?.recommendationsFile;
    if (file && options.readRecommendationsFile) {
      const read = options.readRecommendationsFile(file.value);
      if ('error' in read) this.externalProblem = { message: read.error, range: file.range };
      else this.external = read;
    }
    for (const recommendation of [...plan.recommendations, ...(this.external?.recommendations ?? [])]) {
      if (!this.recommendationsById.has(recommendation.id)) this.recommendationsById.set(recommendation.id, recommendation);
    }
  }

  factsOf(action: Action): ActionFacts {
    let facts = this.facts.get(action);
    if (!facts) {
      // An action the parser reused from the last version (parse.ts) keeps its facts, unless the date they were read against moved.
      const remembered = factsOfReusedActions.get(action);
      facts = remembered?.asOf === this.asOf ? remembered.facts : factsFor(action, this.asOf);
      if (remembered?.facts !== facts) factsOfReusedActions.set(action, { asOf: this.asOf, facts });
      this.facts.set(action, facts);
    }
    return facts;
  }
}

// Plan-wide rules read a few facts of every action on every keystroke: read only what is asked for,
// and read values through caches by their text (links, dates, statuses rarely change). A function
// of the action and the date alone: facts outlive their analysis (factsOfReusedActions), and a
// closure over the analysis would keep every earlier version's plan alive through them.
function factsFor(action: Action, asOf: IsoDate): ActionFacts {
  const field = (name: FieldName): Field | undefined => {
    for (const candidate of action.fields) if (candidate.name === name) return candidate;
    return undefined;
  };
  const linksField = field('links');
  const linkedIds = linksField ? linkedIdsOf(linksField.value.text) : [];
  const containing = action.containingRecommendationId;
  const addressedIds = containing === undefined ? linkedIds : linkedIds.includes(containing) ? [containing, ...linkedIds.filter((id) => id !== containing)] : [containing, ...linkedIds];
  const dateOf = (name: 'start' | 'due'): DateReading | undefined => {
    const dateField = field(name);
    // A month or quarter given as a Start means its first day; as a Due, its last.
    return dateField && dateField.valueText !== '' ? readDate(dateField.value.text, asOf, name === 'start' ? 'first' : 'last') : undefined;
  };
  const statusField = field('status');
  // Read again if the parser has moved the action since (parse.ts): the references carry offsets.
  let links: { at: number; references: LinkReference[] } | undefined;
  return {
    field,
    get links() {
      if (!linksField) return [];
      const at = linksField.value.range.start;
      if (links?.at !== at) links = { at, references: readLinks(linksField) };
      return links.references;
    },
    addressedIds,
    due: dateOf('due'),
    start: dateOf('start'),
    status: statusField ? readStatus(statusField.valueText) : undefined,
  };
}

/** The recommendation IDs a Links value names, without repeats, in order. */
const linkedIdsOf = memoByText((text: string): string[] => [
  ...new Set(readLinkPieces(text, 0).flatMap((piece) => (piece.id === undefined ? [] : [piece.id]))),
]);

/** Splits a Links value at commas, semicolons, ampersands, slashes and "and". */
export function readLinks(field: Field): LinkReference[] {
  return readLinkPieces(field.value.text, field.value.range.start);
}

function readLinkPieces(text: string, offset: number): LinkReference[] {
  const references: LinkReference[] = [];
  // No `\s*` around it: pieces are trimmed anyway, and `\s*` would retry a long run of spaces from each of them.
  const separator = /[,;&/]|\band\b/gi;
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const piece = text.slice(trimmedStart, start + raw.trimEnd().length);
    if (piece !== '') {
      const match = matchRecommendationId(piece);
      const at = offset + trimmedStart;
      references.push({
        text: piece,
        range: { start: at, end: at + piece.length },
        id: match && match.length === piece.length ? match.id : undefined,
      });
    }
  };
  for (const match of text.matchAll(separator)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return references;
}
