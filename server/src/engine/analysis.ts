/**
 * Facts derived from a plan once per analysis and shared by the rules: which recommendations
 * exist, which ones each action addresses, and each action's fields read as dates and statuses.
 */
import { readDate, todayIso, type DateReading, type IsoDate } from './dates.js';
import { matchRecommendationId } from './ids.js';
import type { Action, Field, FieldName, FrontMatterProblem, Plan, Range, Recommendation } from './model.js';
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
      facts = this.computeFacts(action);
      this.facts.set(action, facts);
    }
    return facts;
  }

  private computeFacts(action: Action): ActionFacts {
    const byName = new Map<FieldName, Field>();
    for (const field of action.fields) {
      if (field.name && !byName.has(field.name)) byName.set(field.name, field);
    }
    const links = byName.has('links') ? readLinks(byName.get('links')!) : [];
    const addressedIds = [
      ...new Set([action.containingRecommendationId, ...links.map((link) => link.id)].filter((id): id is string => id !== undefined)),
    ];
    const dateOf = (name: FieldName): DateReading | undefined => {
      const field = byName.get(name);
      // A month or quarter given as a Start means its first day; as a Due, its last.
      return field && field.valueText !== '' ? readDate(field.value.text, this.asOf, name === 'start' ? 'first' : 'last') : undefined;
    };
    const statusField = byName.get('status');
    return {
      field: (name) => byName.get(name),
      links,
      addressedIds,
      due: dateOf('due'),
      start: dateOf('start'),
      status: statusField ? readStatus(statusField.valueText) : undefined,
    };
  }
}

/** Splits a Links value at commas, semicolons, ampersands, slashes and "and". */
export function readLinks(field: Field): LinkReference[] {
  const references: LinkReference[] = [];
  // No `\s*` around it: pieces are trimmed anyway, and `\s*` would retry a long run of spaces from each of them.
  const separator = /[,;&/]|\band\b/gi;
  const { text } = field.value;
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const trimmedStart = start + (raw.length - raw.trimStart().length);
    const piece = text.slice(trimmedStart, start + raw.trimEnd().length);
    if (piece !== '') {
      const match = matchRecommendationId(piece);
      const offset = field.value.range.start + trimmedStart;
      references.push({
        text: piece,
        range: { start: offset, end: offset + piece.length },
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
