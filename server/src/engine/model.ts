/**
 * The plan model: what a `*.plan.md` file says, with the source range of everything.
 *
 * Ranges are UTF-16 offsets into the original text (as JavaScript strings index it), so
 * that the LSP layer and the CLI can map them to lines and columns with standard tools.
 */

export interface Range {
  start: number;
  end: number;
}

/** A piece of source text and where it is. `text` is exactly `source.slice(range.start, range.end)`. */
export interface Span {
  text: string;
  range: Range;
}

/** The fields the dialect knows; any other key is kept as a custom field. */
export type FieldName =
  | 'owner'
  | 'due'
  | 'measure'
  | 'links'
  | 'status'
  | 'start'
  | 'evidence'
  | 'milestones'
  | 'progress';

export interface Field {
  /** Canonical name for the dialect's keys and their synonyms; undefined for custom keys. */
  name: FieldName | undefined;
  /** The key as written, without emphasis markers or colon. */
  key: Span;
  /** The value exactly as written (may span lines); empty span at the end of the key when blank. */
  value: Span;
  /** The value with runs of white space collapsed to one space and trimmed. */
  valueText: string;
  /** Entries of a nested list under the field (Milestones, Progress). */
  items: Span[];
  /** The whole list item. */
  range: Range;
}

interface Element {
  /** Normalised ID: `R1`, `P2`, `A1.2`. */
  id: string;
  /** The ID as written in the heading (`R1`, `Recommendation 1`). */
  idSpan: Span;
  /** Heading depth, 1 to 6. */
  depth: number;
  /** The heading line. */
  headingRange: Range;
  /** From the heading to the next heading of the same or a higher level. */
  sectionRange: Range;
  /** Rule codes silenced by a `<!-- plan-ignore -->` comment before the heading; '*' silences all. */
  ignoredCodes: ReadonlySet<string>;
}

export interface Recommendation extends Element {
  kind: 'recommendation';
  /** The short title after the ID (may be empty). */
  title: Span;
  /** The paragraphs under the heading: the report's words. */
  text: string;
}

export interface Action extends Element {
  kind: 'action';
  /** The heading text after the ID and separator: what will be done. */
  statement: Span;
  /** Free paragraphs under the heading. */
  description: string;
  fields: Field[];
  /** The recommendation whose section contains this action, if any. */
  containingRecommendationId: string | undefined;
}

export type PlanElement = Recommendation | Action;

export interface Judgement {
  key: Span;
  grade: Span | undefined;
}

/** A problem found while reading the front matter; reported under the `front-matter` code. */
export interface FrontMatterProblem {
  message: string;
  range: Range;
  /** Some problems are worth less than the rule's severity (a judgement the framework does not have). */
  maxSeverity?: 'warning' | 'information';
}

/** A value from the front matter with the range of its text. */
export interface Located<T> {
  value: T;
  range: Range;
}

export interface FrontMatter {
  range: Range;
  title?: Located<string>;
  authority?: Located<string>;
  framework?: Located<string>;
  inspectionType?: Located<string>;
  published?: Located<string>;
  judgements: Judgement[];
  periodStart?: Located<string>;
  periodEnd?: Located<string>;
  asOf?: Located<string>;
  /** `plan.draft` and `plan.final`: when the draft and the final plan were ready (priority-action deadlines). */
  planDraft?: Located<string>;
  planFinal?: Located<string>;
  owners?: Located<string>[];
  recommendationsFile?: Located<string>;
  /** Per-rule severities from `rules:`. */
  rules: Record<string, Located<string>>;
  problems: FrontMatterProblem[];
}

export interface Plan {
  /** The text that was parsed, unchanged. */
  text: string;
  frontMatter: FrontMatter | undefined;
  recommendations: Recommendation[];
  actions: Action[];
}
