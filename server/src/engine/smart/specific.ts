/**
 * What makes an action statement not Specific, phrase by phrase: a vague verb, an activity with no
 * output, an aim instead of a deliverable, a progress report, an escape clause, an open-ended list,
 * a quality nobody can check, or two deliverables in one action. A pure function of the
 * statement's text, memoised. The word lists are in ../lexicon.ts; docs/rules/smart-specific.md
 * documents every check.
 */
import { porterStem } from './porterStem.js';
import {
  ABSTRACT_AIMS,
  ACTION_VERBS,
  CHECKING_VERBS,
  ESCAPE_CLAUSES,
  FOLLOW_THROUGH_VERBS,
  FREQUENCY,
  NAMED_OUTPUT,
  OPEN_ACTIVITY_VERBS,
  OPEN_ENDED,
  PROGRESS_AUXILIARIES,
  PROGRESS_WORDS,
  QUALITY_COMPOUNDS,
  UNDEFINED_STANDARDS,
  UNMEASURABLE_QUALITIES,
  VAGUE_VERBS,
} from '../lexicon.js';
import { isMonthName, isMonthWord } from '../dates.js';
import { findPhrase, tokenise, type Token } from './tokens.js';
import { memoByText } from '../memo.js';

export type StatementIssueKind = 'too-short' | 'vague-verb' | 'open-activity' | 'aim' | 'progress' | 'escape' | 'open-ended' | 'quality' | 'bundle' | 'wording';

export interface StatementIssue {
  kind: StatementIssueKind;
  /** Offsets into the statement text. */
  start: number;
  end: number;
  /** The words at fault, as written. */
  phrase: string;
  message: string;
}

const MINIMUM_WORDS = 2;

const phrasesOf = (list: readonly string[]): string[][] => [...list].sort((a, b) => b.split(' ').length - a.split(' ').length).map((p) => p.split(' '));
const VAGUE = phrasesOf(VAGUE_VERBS);
const OPEN_ACTIVITY = phrasesOf(OPEN_ACTIVITY_VERBS);
const PROGRESS = phrasesOf(PROGRESS_WORDS);
const AUXILIARIES = phrasesOf(PROGRESS_AUXILIARIES);
const ACTIONS = new Set(ACTION_VERBS);
const FOLLOW_THROUGH = new Set(FOLLOW_THROUGH_VERBS);
const CHECKING = new Set(CHECKING_VERBS);
const QUALITIES = new Set(UNMEASURABLE_QUALITIES);
const VAGUE_HEADS = new Set(VAGUE_VERBS.map((p) => p.split(' ')[0]!));
const OPEN_HEADS = new Set(OPEN_ACTIVITY_VERBS.map((p) => p.split(' ')[0]!));
// "Strengthening of ...", "Improvement on ...", "reviewing the protocol": the same verbs as nouns.
// Only one-word verbs: "work" (of "work towards") or "aim" (of "aim to") are ordinary nouns on their own.
const VAGUE_STEMS = new Set(
  VAGUE_VERBS.filter((verb) => !verb.includes(' ') && !['continue', 'drive', 'progress', 'address'].includes(verb)).flatMap((verb) => [porterStem(verb), porterStem(`${verb}ing`)]),
);
const OPEN_STEMS = new Set([...OPEN_HEADS].filter((verb) => verb !== 'keep').map((verb) => porterStem(verb)));
const ABSTRACT = new Set(ABSTRACT_AIMS);
// Adjectives that only say "more of it": "Sharper focus on ...", "Better support for ...".
const INTENSIFIERS = new Set(['better', 'sharper', 'stronger', 'greater', 'clearer', 'improved', 'increased', 'enhanced', 'further', 'continued', 'more', 'renewed', 'ongoing', 'continuous']);
// "Better use of data", "Improved supervision": more of something, with nothing to deliver.
const COMPARATIVES = new Set(['better', 'improved', 'greater', 'stronger', 'more', 'increased', 'enhanced', 'sharper', 'clearer']);
const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'their', 'its', 'this', 'that', 'these', 'those', 'shared', 'common', 'strong', 'positive', 'stronger', 'better', 'greater', 'clear', 'clearer', 'wider', 'deeper', 'of']);

/** The phrase of `phrases` that starts at word `at`, longest first, or undefined. */
function phraseAt(words: readonly Token[], at: number, phrases: readonly string[][]): number | undefined {
  outer: for (const phrase of phrases) {
    if (at + phrase.length > words.length) continue;
    for (let j = 0; j < phrase.length; j++) {
      if (phrase[j] !== '*' && words[at + j]!.lower !== phrase[j]) continue outer;
      if (j < phrase.length - 1 && /[.;,:]/.test(words[at + j]!.after)) continue outer;
    }
    return phrase.length;
  }
  return undefined;
}

/** A base-form verb: in the lexicons, or a `co-`/`re-` form of one. */
export function isVerb(word: string): boolean {
  if (ACTIONS.has(word) || VAGUE_HEADS.has(word) || OPEN_HEADS.has(word)) return true;
  const stripped = word.replace(/^(?:co-|re-?)/, '');
  return stripped !== word && (ACTIONS.has(stripped) || VAGUE_HEADS.has(stripped));
}

/** A number that counts something: not a year ("2026", "2025/26") nor a day of a date. */
export function isCount(words: readonly Token[], index: number): boolean {
  const word = words[index]!;
  if (!word.numeric) return false;
  if (word.numericDate) return false;
  if (/^(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?$/.test(word.lower)) return false;
  if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(word.lower) && /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.test(words[index + 1]?.lower ?? '')) return false;
  if (/^q[1-4]$/.test(word.lower)) return false;
  // "KS4", "Y11", "S47": a name with a number in it; "over-21s": an age.
  if (/^[a-z]+\d+$/.test(word.lower) || /^(?:over|under|post|pre)-\d+s?$/.test(word.lower)) return false;
  // "17-year-olds", "16-" in "16- and 17-year-olds": ages written as one word.
  if (/^\d+-(?:years?-olds?|year|yr)?$/.test(word.lower)) return false;
  // "section 47 enquiries", "tier 2", "key stage 4", "year 11": names, not counts.
  if (/^(?:section|s|tier|level|stage|year|part|article|schedule|phase|step|regulation|reg|paragraph|clause|rule|standard)$/.test(words[index - 1]?.lower ?? '')) return false;
  // "16 and 17 year olds", "aged 16": ages say who, not how many.
  if (/^(?:aged|age|ages)$/.test(words[index - 1]?.lower ?? '') || isAge(words, index)) return false;
  // "16/17 year olds", "2024/25": a pair of ages or years, not a count.
  if (/^\d+\/\d+$/.test(words[index]!.text)) return false;
  // "up to the age of 25": an age too.
  if (words[index - 1]?.lower === 'of' && /^(?:age|ages)$/.test(words[index - 2]?.lower ?? '')) return false;
  // "aged 21 to 25": the second age of a range.
  if (/^(?:to|and|or)$/.test(words[index - 1]?.lower ?? '') && words[index - 2]?.numeric && /^(?:aged|age|ages)$/.test(words[index - 3]?.lower ?? '')) return false;
  // "care leavers over 21", "young people under 18": an age too.
  if (/^(?:over|under)$/.test(words[index - 1]?.lower ?? '') && /^(?:leavers?|people|children|adults|parents|carers)$/.test(words[index - 2]?.lower ?? '')) return false;
  return true;
}

function isAge(words: readonly Token[], index: number): boolean {
  for (let at = index + 1; at <= index + 3 && at < words.length; at++) {
    const word = words[at]!.lower;
    if (/^(?:year|years|yr)$/.test(word) && /^olds?$/.test(words[at + 1]?.lower ?? '')) return true;
    if (/^(?:year-olds?|olds?|years?-old)$/.test(word)) return true;
    if (!words[at]!.numeric && !['and', 'or', 'to'].includes(word)) return false;
  }
  return false;
}

const hasAny = (words: readonly Token[], list: readonly string[]): boolean => list.some((phrase) => findPhrase(words, phrase) >= 0);

const span = (words: readonly Token[], from: number, length: number) => ({ start: words[from]!.start, end: words[from + length - 1]!.end });

// A word after the first that makes it a noun: "Review of training", "Work continues", "Support is in place".
const NOUN_MARKERS = new Set(['of', 'against', 'is', 'are', 'was', 'were', 'has', 'have', 'continues', 'continued', 'remains', 'remain', 'will']);

// Words before the verb that do not change what the statement says: "To ensure ...", "We will review ...".
const LEAD_IN = new Set(['to', 'we', 'will', 'shall', 'i', 'and', 'also', 'then', 'jointly', 'further']);

/**
 * Whether the statement, after any lead-in ("We will ..."), starts with a verb for a deliverable ("Recruit",
 * "Publish"), or with a review followed through by one ("Review the thresholds document and publish a revised version").
 */
export function opensWithDeliverable(text: string): boolean {
  const words = tokenise(text).words;
  const lead = words.findIndex((word) => !LEAD_IN.has(word.lower));
  if (lead < 0) return false;
  if (ACTIONS.has(words[lead]!.lower)) return true;
  const reviews = OPEN_HEADS.has(words[lead]!.lower) || CHECKING.has(words[lead]!.lower);
  return reviews && words.some((word, i) => i > lead && word.lower === 'and' && ACTIONS.has(words[i + 1]?.lower ?? ''));
}

/**
 * Whether the statement is a heading with no verb whose head names a thing to deliver: "Private fostering
 * audit", "Joint duty rota for young people who present as homeless". Whether such a terse action is specific
 * is the rules' call (topicHeadAt): held out, the wording model read most of them as vague when they were not.
 */
export function headingNamesDeliverable(text: string): boolean {
  const words = tokenise(text).words;
  let lead = 0;
  while (lead < words.length - 1 && HEADING_ARTICLES.has(words[lead]!.lower)) lead++;
  // The heading's first phrase: up to a preposition or a break ("Disabled children — homes" is about children).
  let end = lead;
  while (end < words.length && !PREPOSITIONS.has(words[end]!.lower) && words[end]!.lower !== 'of') {
    end++;
    if (/[.;,:\u2013\u2014]|\s-\s/.test(words[end - 1]!.after)) break;
  }
  const phrase = words.slice(lead, end);
  // A verb first makes it an instruction ("Audit 40 cases"); a determiner inside it an object ("Partners attend the
  // strategy meetings", "wishes shape their plans"); "Social workers to challenge ..." says what people are to do.
  if (phrase.length < 2 || isVerb(phrase[0]!.lower) || phrase.some((word) => DETERMINERS.has(word.lower) || (isVerb(word.lower) && word !== phrase.at(-1)))) return false;
  const next = words[end + 1];
  if (words[end]?.lower === 'to' && next && next.lower !== 'be' && !DETERMINERS.has(next.lower) && !/^[A-Z]/.test(next.text)) return false;
  return isDeliverableNoun(phrase.at(-1)!.lower);
}
const HEADING_ARTICLES = new Set(['a', 'an', 'the']);

/** The issues of a statement, in text order. The array is shared: do not change it. */
export const statementIssues: (text: string) => readonly StatementIssue[] = memoByText((text) => computeIssues(text));

// Messages that more than one check gives.
const OPEN_ACTIVITY_MESSAGE = (p: string): string => `"${p}" names no output and no frequency: say what it will produce (a revised document, a report to the board) or how often it happens ("each month").`;
const QUALITY_MESSAGE = (p: string): string => `"${p}" cannot be checked on its own: say what it means here, such as "within 20 working days", "against the practice standards" or "rated good in audit".`;
const VAGUE_MESSAGE = (p: string): string => `"${p}" says what should get better, not what will be done: start with the deliverable, such as "Run", "Publish", "Audit", "Train", "Recruit", and name what it produces.`;
const STATE_MESSAGE = (p: string): string => `"${p}" describes a state to reach, not an action: say what will be done to reach it, by whom, for example "Send every care leaver the pledge at their review".`;

function computeIssues(text: string): StatementIssue[] {
  const { words } = tokenise(text);
  const issues: StatementIssue[] = [];
  const push = (kind: StatementIssueKind, from: number, length: number, message: (phrase: string) => string) => {
    const { start, end } = span(words, from, length);
    const phrase = text.slice(start, end);
    issues.push({ kind, start, end, phrase, message: message(phrase) });
  };
  if (words.length === 0) return issues;
  if (words.length < MINIMUM_WORDS) {
    const start = words[0]!.start;
    const end = words.at(-1)!.end;
    const phrase = text.slice(start, end);
    issues.push({
      kind: 'too-short',
      start,
      end,
      phrase,
      message: `"${phrase}" is too short to name a deliverable: say what will be produced and for whom, for example "Audit 40 child protection plans each quarter".`,
    });
    return issues;
  }

  let lead = 0;
  while (lead < words.length - 1 && LEAD_IN.has(words[lead]!.lower)) lead++;
  // "IROs to escalate ...", "Team managers to take ...": who, then what they will do. The verb leads.
  const to = words.findIndex((word, index) => index > lead && index <= lead + 3 && word.lower === 'to');
  if (to > 0 && !words.slice(lead, to).some((word) => isVerb(word.lower)) && isVerb(words[to + 1]?.lower ?? '')) lead = to + 1;
  // "The leaving care service will open a hub": who, then the deed in the future tense.
  const will = words.findIndex((word, index) => index > lead && index <= lead + 5 && word.lower === 'will');
  if (lead < will && !words.slice(lead, will).some((word) => isVerb(word.lower) || /[.;,:]/.test(word.after)) && isVerb(words[will + 1]?.lower ?? '')) lead = will + 1;
  // "Fully staff the teams": a manner before the verb.
  if (/ly$/.test(words[lead]!.lower) && lead + 1 < words.length && (isVerb(words[lead + 1]!.lower) || verbByPosition(words, lead + 1, true))) lead++;
  const leadWord = words[lead]!.lower;
  // "Review of training" is a noun phrase; "Review training" is an instruction.
  // "Audit completed in September": a verb's noun followed by a report of it ("Start planned work" is an instruction).
  const reported = phraseAt(words, lead + 1, PROGRESS);
  const nominal =
    !(isVerb(leadWord) || verbByPosition(words, lead, true)) ||
    NOUN_MARKERS.has(words[lead + 1]?.lower ?? '') ||
    // "Audit to be more outcome-focused", "Audit quality to be robust": the verb's noun, and the state it is to be in.
    toBeWithin(words, lead, 2) ||
    // "Audit programme has been redesigned", "Audit framework refreshed and relaunched": a verb's noun naming a
    // thing ("Check cases have been closed" is an instruction), then a report of what was done to it.
    (isDeliverableNoun(words[lead + 1]?.lower ?? '') &&
      ((['has', 'have', 'had', 'was', 'were'].includes(words[lead + 2]?.lower ?? '') && (words[lead + 3]?.lower === 'been' || isParticiple(words[lead + 3]?.lower ?? ''))) ||
        (isParticiple(words[lead + 2]?.lower ?? '') && words[lead + 3]?.lower === 'and' && isParticiple(words[lead + 4]?.lower ?? '')))) ||
    (reported !== undefined && (lead + 1 + reported === words.length || PREDICATE_FOLLOWERS.has(words[lead + 1 + reported]!.lower)));
  // "every 3 months" says how often, not how many: it does not make "Work towards ..." countable.
  const counts = words.some((_, index) => isCount(words, index) && !(OCCASION_UNIVERSAL.has(words[index - 1]?.lower ?? '') && TIME_UNITS.test(words[index + 1]?.lower ?? '')));
  const frequent = hasAny(words, FREQUENCY);

  // A vague opening verb. A count lets it off: "Ensure 95% of visits are in timescale" names something to count.
  // "Close the gap at KS4", "Narrow the GCSE gap": a gap with no size to reach is an aim.
  const gap = GAP_VERBS.has(leadWord) && words.slice(lead + 1, lead + 5).some((word) => word.lower === 'gap' || word.lower === 'gaps') ? 1 : undefined;
  const vague = (nominal ? undefined : phraseAt(words, lead, VAGUE)) ?? gap;
  // "Strengthen keeping in touch by introducing a monthly panel": the means named after it is the deliverable.
  // "Continue to work with the 12 district councils": carrying on names nothing new, whatever it counts.
  if (vague !== undefined && (!counts || leadWord === 'continue') && !deliversBy(words, lead + vague)) {
    // "Continue to improve": the phrase takes the verb after it.
    const length = words[lead + vague - 1]!.lower === 'to' && lead + vague < words.length ? vague + 1 : vague;
    push('vague-verb', lead, length, VAGUE_MESSAGE);
  }

  // The same verbs as nouns or gerunds: "Strengthening of corporate support", "Sharper focus on priorities".
  if (nominal && !counts) {
    let at = lead;
    while (at < words.length - 1 && INTENSIFIERS.has(words[at]!.lower)) at++;
    const stem = words[at]!.stem;
    // "Improvement plan signed off", "Support worker for each family": the vague word names a thing.
    const namesThing = NAMED_BY_VAGUE_WORD.has(words[at + 1]?.lower ?? '');
    if (((VAGUE_STEMS.has(stem) || stem === 'focu') && !namesThing) || (at > lead && COMPARATIVES.has(words[lead]!.lower))) {
      push('vague-verb', lead, at - lead + 1, VAGUE_MESSAGE);
    } else if (OPEN_STEMS.has(stem) && !frequent && !hasAny(words.slice(at + 1), NAMED_OUTPUT) && !reportsProgressAfter(words, at + 1)) {
      push('open-activity', lead, at - lead + 1, OPEN_ACTIVITY_MESSAGE);
    }
  }

  // An activity with no product: "Review the thresholds document", "Keep timescales in CIN plans under regular review".
  const open = nominal ? undefined : (phraseAt(words, lead, OPEN_ACTIVITY) ?? keptUnderReview(words, lead));
  // What the activity works on is not what it produces: "Monitor case audit findings" names no output.
  if (open !== undefined && !counts && !frequent && !hasAny(words.slice(lead + open + nounPhraseLength(words, lead + open, Infinity)), NAMED_OUTPUT)) {
    push('open-activity', lead, open, OPEN_ACTIVITY_MESSAGE);
    // "Review and strengthen": the verb coordinated with it is just as open.
    if (words[lead + open]?.lower === 'and') {
      const second = phraseAt(words, lead + open + 1, VAGUE);
      if (second !== undefined) push('vague-verb', lead + open + 1, second, (p) => `"${p}" says what should get better, not what will be done: name the deliverable instead.`);
    }
  }

  // An aim for a deliverable: "Build expertise in direct work", "Creation of a culture of ownership".
  if (issues.length === 0 && !counts) {
    const aim = deliversBy(words, lead) ? undefined : abstractAimAt(words, lead);
    if (aim !== undefined) push('aim', aim, 1, (p) => `"${p}" is an aim, not a deliverable: say what will be done to bring it about (training, guidance, a forum) and for whom.`);
  }

  // "Plans to be SMART", "Placement stability to be monitored": a subject and the state it is to be in.
  const toBe = nominal && !counts ? toBeAt(words, lead) : undefined;
  if (issues.length === 0 && toBe !== undefined) {
    const state = toBeState(words, toBe);
    if (state.kind === 'open') push('open-activity', state.at, 1, OPEN_ACTIVITY_MESSAGE);
    else if (state.kind === 'quality') push('quality', state.at, 1, QUALITY_MESSAGE);
    else if (state.kind === 'aim') push('aim', state.at, 1, STATE_MESSAGE);
    else if (state.kind === 'vague') push('vague-verb', state.at, 1, VAGUE_MESSAGE);
  }

  // A state to reach, not an action: "Care leavers are fully aware of our pledge".
  // "Every child is seen alone at each visit" is a checkable state: every case, with its occasion.
  if (issues.length === 0 && nominal && !counts && !isUniversalStandard(words)) {
    // "Children looked after feel ...": "after" in "looked after" opens no clause.
    const subordinate = words.findIndex((w, index) => index > lead && SUBORDINATORS.has(w.lower) && !(w.lower === 'after' && words[index - 1]!.lower === 'looked'));
    // "... on what a contingency plan is", "... for how domestic abuse is written up": the clause's own verb.
    const whClause = words.findIndex((w, index) => index > lead && WH_CLAUSE.has(w.lower));
    const state = words.findIndex(
      (w, index) =>
        index > lead &&
        (subordinate < 0 || index < subordinate) &&
        (whClause < 0 || index < whClause) &&
        STATE_VERBS.has(w.lower) &&
        // "'Your Say' annual survey": a capital makes it part of a name.
        !/^[A-Z]/.test(w.text) &&
        !inRelativeClause(words, index) &&
        // "letter to every care leaver the service is not in touch with": a clause that describes a noun.
        !inContactClause(words, index) &&
        // "... and the date the application will be made": a clause that describes a date.
        !words.slice(Math.max(0, index - 4), index).some((word, k, near) => CONTACT_CLAUSE_NOUNS.has(word.lower) && near[k - 1]?.lower === 'the') &&
        // "The Children in Care Council will hold a quarterly session": a deed in the future tense.
        !(w.lower === 'will' && !WILL_STATES.has(words[index + 1]?.lower ?? '')),
    );
    // "Every young person who presents as homeless is told in writing of their rights": a deed done for every case.
    const deedForEvery = UNIVERSAL.has(words[lead]!.lower) && ['is', 'are'].includes(words[state]?.lower ?? '') && isParticiple(words[state + 1]?.lower ?? '');
    // "Every action has a named person and a date" is checkable case by case; "Children in care have stable placements" is not.
    const holds = ['has', 'have'].includes(words[state]?.lower ?? '');
    // "has met", "have also engaged" report progress; "have a better picture" says more of something (below).
    const notAState =
      holds &&
      (UNIVERSAL.has(words[lead]!.lower) || isParticiple(words[state + 1]?.lower ?? '') || PERFECT_ADVERBS.has(words[state + 1]?.lower ?? '') || moreOfSomethingAt(words) !== undefined);
    if (state > 0 && !deedForEvery && !notAState && !PROGRESS_AUXILIARY_HEADS.has(`${words[state]!.lower} ${words[state + 1]?.lower ?? ''}`)) {
      push('aim', state, 1, STATE_MESSAGE);
    }
  }

  // More of something, with nothing to count: "Children experience more stable relationships",
  // "Partners have a better shared picture". "more than 9 months" or "12 more" would have a count.
  if (issues.length === 0 && !counts) {
    const more = moreOfSomethingAt(words);
    if (more !== undefined) push('aim', more, Math.min(2, words.length - more), (p) => `"${p}" asks for more of something with nothing to count: name what will be done and a figure that shows it, such as "every child keeps the same social worker for 12 months".`);
  }

  // "Management oversight strengthened across all teams": a noun and a vague verb's participle, with nothing to count.
  if (issues.length === 0 && nominal && !counts) {
    // "... so the chair can see whether care has improved": what a clause of its own asks is not the statement's claim.
    const clause = words.findIndex((word, i) => i > lead && CONTENT_CLAUSE.has(word.lower));
    const better = words.findIndex((word, i) => i > lead && (clause < 0 || i < clause) && /ed$/.test(word.lower) && BETTER_STEMS.has(word.stem) && !NOT_REPORTING.has(words[i - 1]!.lower) && !PREPOSITIONS.has(words[i - 1]!.lower) && !INTENSIFIERS.has(words[i - 1]!.lower));
    if (better > 0) push('vague-verb', better, 1, VAGUE_MESSAGE);
  }

  // A topic heading: "Key Stage 4 results", "Recruitment and retention of social workers": an area of work, with nothing to deliver.
  if (issues.length === 0 && nominal && !counts) {
    const area = topicHeadAt(words, lead);
    if (area !== undefined) push('aim', lead, area - lead + 1, (p) => `"${p}" names an area of work, not a deliverable: say what will be done in it and what it will produce, for example "Run a recruitment campaign for 10 experienced social workers".`);
  }

  // "Pathway plans of a consistently robust standard": a standard named only by a quality sets nothing to check against.
  if (issues.length === 0 && nominal && !counts) {
    const standard = qualityStandardAt(words);
    if (standard !== undefined) push('quality', standard.at, standard.length, QUALITY_MESSAGE);
  }

  // A progress report: "Review of training initiated", "Training has been delivered".
  const progress = issues.some((issue) => issue.kind === 'aim') ? undefined : progressAt(words, nominal);
  if (progress) {
    push('progress', progress.at, progress.length, (p) => `"${p}" reports progress, not an action: say what will be done and what it will produce, for example "Train 45 social workers in return home interviews".`);
  }

  for (let i = 0; i < words.length; i++) {
    const escape = phraseAt(words, i, ESCAPE_PHRASES) ?? bestInterestsAt(words, i);
    if (escape !== undefined) {
      push('escape', i, escape, (p) => `"${p}" leaves the action open: say exactly what will be done, or drop it.`);
      i += escape - 1;
      continue;
    }
    const undefinedStandard = counts ? undefined : (phraseAt(words, i, UNDEFINED_STANDARD_PHRASES) ?? sameAsAt(words, i));
    if (undefinedStandard !== undefined) {
      push('quality', i, undefinedStandard, QUALITY_MESSAGE);
      i += undefinedStandard - 1;
      continue;
    }
    // "... well-being days and more": only at the end ("and more experienced staff" is a list's last item).
    const openEnded = phraseAt(words, i, OPEN_ENDED_PHRASES) ?? (i === words.length - 2 && words[i]!.lower === 'and' && words[i + 1]!.lower === 'more' ? 2 : undefined);
    if (openEnded !== undefined && !everyOther(words, i)) {
      push('open-ended', i, openEnded, (p) => `"${p}" leaves the action open: say exactly what will be done, or drop it.`);
      i += openEnded - 1;
    }
  }

  // Two deliverables in one action: "Publish the strategy and recruit 6 social workers".
  const bundle = addedThingAt(words, lead) ?? (nominal ? (nounBundleAt(words, lead) ?? secondParticipleAt(words, lead) ?? secondReportAt(words, lead)) : bundleAt(words, lead));
  if (bundle !== undefined) {
    // A second verb is squiggled alone; a second noun phrase whole: "an adoption tracker".
    push('bundle', bundle, nominal || ['a', 'an'].includes(words[bundle]!.lower) ? nounPhraseLength(words, bundle) : 1, (p) => `"${p}" starts a second deliverable: split this into two actions, so that each has its own owner, date and measure.`);
  }

  // A quality as the deliverable: "Deliver timely and effective supervision".
  // A count ("Run 4 timeliness clinics") names something concrete for the quality to describe.
  // A noun phrase led by a quality is that quality as the deliverable: "Timely decisions at the threshold meeting".
  // So is one whose head is a quality: "Staffing consistency".
  const qualityLeads = nominal && (QUALITIES.has(leadWord) || (['a', 'an'].includes(leadWord) && QUALITIES.has(words[lead + 1]?.lower ?? '')) || (words.length <= 4 && QUALITY_NOUNS.test(words[words.length - 1]!.lower)));
  // "All staff to receive effective supervision": who, then what they are to do, with any verb.
  const subjectTo = to > 0 && to <= 3 && words[to + 1] !== undefined && words[to + 1]!.lower !== 'be' && !words.slice(0, to).some((word) => isVerb(word.lower));
  if (issues.length === 0 && !counts && (!nominal || qualityLeads || subjectTo || hasQualityManner(words)) && !CHECKING.has(leadWord)) {
    const quality = qualityAt(words);
    if (quality !== undefined) {
      const pair = words[quality + 1]?.lower === 'and' && QUALITIES.has(words[quality + 2]?.lower ?? '') ? 3 : 1;
      push('quality', quality, pair, QUALITY_MESSAGE);
    }
  }
  return issues.sort((a, b) => a.start - b.start);
}

/**
 * "the same protection as younger children": treatment compared with another group's, with nothing to check it by.
 * "in the same words as the letter" compares with a thing that can be checked.
 */
function sameAsAt(words: readonly Token[], at: number): number | undefined {
  if (words[at]!.lower !== 'the' || words[at + 1]?.lower !== 'same') return undefined;
  for (let end = at + 3; end < Math.min(words.length, at + 7); end++) {
    if (words[end]!.lower === 'as') return words.slice(end + 1, end + 5).some((word) => GROUPS.test(word.lower)) ? end - at + 1 : undefined;
    if (/[.;,:]/.test(words[end - 1]!.after)) return undefined;
  }
  return undefined;
}
const GROUPS = /^(?:children|peers|adults|adolescents|leavers|people|families|parents|carers|others)$/;

/** "a tracker of every warning notice and other disruption tactic used": "every" reaches the other kinds too, so nothing is left open. */
function everyOther(words: readonly Token[], at: number): boolean {
  if (words[at + 1]?.lower !== 'other') return false;
  for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
    if (/[.;,:]/.test(words[k]!.after)) return false;
    if (OCCASION_UNIVERSAL.has(words[k]!.lower)) return true;
  }
  return false;
}

const ESCAPE_PHRASES = phrasesOf(ESCAPE_CLAUSES);
const UNDEFINED_STANDARD_PHRASES = phrasesOf(UNDEFINED_STANDARDS);
const CONDITIONS = new Set(['where', 'wherever', 'if', 'when', 'unless']);

/** "where this may be in their best interests": a condition no one can check, up to "best interest(s)". */
function bestInterestsAt(words: readonly Token[], at: number): number | undefined {
  if (!CONDITIONS.has(words[at]!.lower)) return undefined;
  for (let end = at + 1; end < Math.min(words.length - 1, at + 10); end++) {
    if (words[end]!.lower === 'best' && /^interests?$/.test(words[end + 1]!.lower)) return end + 2 - at;
    if (/[.;,:]/.test(words[end]!.after)) return undefined;
  }
  return undefined;
}
const OPEN_ENDED_PHRASES = phrasesOf(OPEN_ENDED);
const STRONG_PROGRESS = new Set(['initiated', 'commenced', 'started', 'under way', 'underway', 'ongoing', 'on-going', 'in progress']);

// Words after which a participle describes a thing ("an updated framework") rather than reports it.
const ATTRIBUTIVE = new Set(['a', 'an', 'the', 'newly', 'our', 'their', 'its', 'this', 'fully', 'recently']);
// Words after which a participle is a report: "Training delivered to 40 staff", "Audit completed by March".
const PREDICATE_FOLLOWERS = new Set(['to', 'by', 'with', 'for', 'in', 'on', 'at', 'and', 'across', 'from', 'within', 'following', 'through', 'via', 'successfully', 'as', 'but']);

function progressAt(words: readonly Token[], nominal: boolean): { at: number; length: number } | undefined {
  // "Update Jun 22: bid submitted to DfE": a progress update pasted in as the action.
  const update = words[0]!.lower === 'progress' && words[1]?.lower === 'update' ? 1 : 0;
  if (words[update]!.lower === 'update' && (startsDate(words, update + 1) || /:/.test(words[update]!.after))) return { at: 0, length: update + 1 };
  // The statement ends with a progress word: always a report ("... under way.").
  for (let at = Math.max(0, words.length - 2); at < words.length; at++) {
    const length = phraseAt(words, at, PROGRESS);
    // "... of the plan being agreed": what is to happen, not what has.
    if (length !== undefined && at + length === words.length && !stateOfThingWith(words, at) && !ATTRIBUTIVE.has(words[at - 1]?.lower ?? '') && words[at - 1]?.lower !== 'being' && !inClauseOfItsOwn(words, at) && !inContactClause(words, at - 1) && !afterContentsClause(words, at)) {
      const phrase = words.slice(at, at + length).map((w) => w.lower).join(' ');
      if (STRONG_PROGRESS.has(phrase) || nominal) return { at, length };
    }
  }
  if (!nominal) {
    // "Audit activity now focuses on ...": "now" and a verb report the present position in any statement.
    // "... for children with complex needs now placed out of county": after a preposition's noun, a participle describes it.
    const describes = (i: number) => /ed$/.test(words[i + 1]!.lower) && words.slice(1, i).some((word) => PREPOSITIONS.has(word.lower));
    const now = words.findIndex((word, i) => i > 0 && word.lower === 'now' && ((/^[a-z]{3,}(?:es|ed)$/.test(words[i + 1]?.lower ?? '') && !describes(i)) || phraseAt(words, i + 1, NOW_STATES) !== undefined));
    return now > 0 ? { at: now, length: 1 + (phraseAt(words, now + 1, NOW_STATES) ?? 1) } : undefined;
  }
  // "Supervision policy refreshed and relaunched": a noun phrase and what was done to it, at the end.
  const last = words.length - 1;
  if (last >= 3 && words[last - 1]!.lower === 'and' && PAST.test(words[last]!.lower) && PAST.test(words[last - 2]!.lower) && !NOT_REPORTING.has(words[last - 3]!.lower)) {
    return { at: last - 2, length: 3 };
  }
  // A state of every case ("Every care leaver has been given the local offer") is checkable, not a report,
  // unless it is dated: "All children on CP plans ... were reviewed by the Head of Service in September".
  if (UNIVERSAL.has(words[0]!.lower)) {
    const past = words.findIndex((word, i) => ['was', 'were'].includes(word.lower) && PAST.test(words[i + 1]?.lower ?? '') && datedInClause(words, i + 2, (next) => isMonthName(next?.lower ?? '')));
    if (past > 0) return { at: past, length: 2 };
    // "All 24 team managers have now completed the course": "now" or "already" says it has happened.
    const done = words.findIndex((word, i) => ['has', 'have'].includes(word.lower) && ['now', 'already', 'recently', 'successfully'].includes(words[i + 1]?.lower ?? '') && isParticiple(words[i + 2]?.lower ?? ''));
    return done > 0 ? { at: done, length: 3 } : undefined;
  }
  // "When contact has been lost for 4 weeks, the PA ...": a leading condition reports nothing.
  const conditionEnd = SUBORDINATORS.has(words[0]!.lower) ? words.findIndex((word) => /,/.test(word.after)) : -1;
  const firstRecording = words.findIndex((word) => RECORDING_THAT.has(word.lower));
  // A noun phrase followed by "has been delivered", "has improved", "was necessary", or by a progress
  // word in the predicate: "Training delivered to 40 staff", "work continues to ...".
  for (let at = Math.max(1, conditionEnd + 1); at < words.length; at++) {
    const word = words[at]!.lower;
    // "... the stage at which each was resolved", "... whether supervision has changed the plan": what a
    // clause of its own reports is not the statement's progress.
    // "... so that treatment continues when ...": a purpose says what it is for, not what has happened.
    const purpose = word === 'so' && words[at + 1]?.lower === 'that';
    // "... every contact closed with a safety plan where significant harm was considered": a relative "where".
    const relativeWhere = word === 'where' && at > conditionEnd + 2;
    // "... whose plans were graded", "... showing which payments have been claimed", "... while the assessment is done".
    const clauseOfItsOwn = word === 'whose' || TIME_CLAUSE.has(word) || (word === 'which' && (SHOWING.has(words[at - 1]!.lower) || CONTAINING.has(words[at - 1]!.lower)));
    // "... to record on every assessment that the young person was told of their right": what is to be recorded.
    const recordedFact = word === 'that' && firstRecording >= 0 && firstRecording < at;
    if (((word === 'which' || word === 'whom') && PREPOSITIONS.has(words[at - 1]!.lower)) || CONTENT_CLAUSE.has(word) || CONDITION_CLAUSE.has(word) || purpose || relativeWhere || clauseOfItsOwn || recordedFact) break;
    // "... the date each agreed action was closed": a clause that describes a noun, with no "that".
    if (CONTACT_CLAUSE_NOUNS.has(word) && words[at - 1]?.lower === 'the') break;
    const auxiliary = phraseAt(words, at, AUXILIARIES);
    // "... any concern the parent was never told about", "... showing they were told": a clause that describes or is shown.
    if (auxiliary !== undefined && at + auxiliary < words.length && !inContactClause(words, at)) return { at, length: auxiliary + 1 };
    if ((word === 'has' || word === 'have' || word === 'had') && !inContactClause(words, at)) {
      // "has also engaged", "have already met": an adverb may come between.
      const participle = PERFECT_ADVERBS.has(words[at + 1]?.lower ?? '') ? at + 2 : at + 1;
      if (/(?:ed|en|wn|un|ought|ade)$/.test(words[participle]?.lower ?? '') || IRREGULAR_PARTICIPLES.has(words[participle]?.lower ?? '')) return { at, length: participle - at + 1 };
    }
    // "Letter went out to all headteachers": a verb that can only be past tense reports what happened.
    // Not in a quotation: "a 'you said, we did' summary".
    if (SIMPLE_PAST.has(word) && !RELATIVES.has(words[at - 1]!.lower) && !words.slice(0, at).some((w) => SUBORDINATORS.has(w.lower)) && !/['’"”]/.test(words[at]!.after)) return { at, length: 1 };
    // "Quarterly audit now includes a conversation with the child", "CAMHS practitioner now seconded to the team".
    if (word === 'now' && /(?:ed|en|es)$/.test(words[at + 1]?.lower ?? '')) return { at, length: 2 };
    // "PA allocation at 16 now in place", "The new front door is now live".
    const now = word === 'now' ? phraseAt(words, at + 1, NOW_STATES) : undefined;
    if (now !== undefined) return { at, length: now + 1 };
    // "... the support that continues for 3 months" describes the support.
    if ((word === 'continues' || word === 'continued' || word === 'continuing') && !RELATIVES.has(words[at - 1]!.lower)) return { at, length: 1 };
    // "... in post since October": "since" and a date says it has happened.
    if (word === 'since' && isDateWord(words[at + 1]) && (['post', 'place', 'live'].includes(words[at - 1]!.lower) || PAST.test(words[at - 1]!.lower))) return { at, length: 2 };
    // "two coordinators appointed in July": any participle after its noun, dated.
    // "Neglect toolkit refreshed and relaunched in June": the date covers both participles.
    const coordinated = words[at - 1]!.lower === 'and' && isParticiple(words[at - 2]?.lower ?? '') && !NOT_REPORTING.has(words[at - 3]?.lower ?? '');
    // "workshop run at The Quad in June": an irregular participle too.
    if ((PAST.test(word) || IRREGULAR_PARTICIPLES.has(word) || word === 'run') && (coordinated || !NOT_REPORTING.has(words[at - 1]!.lower)) && !PREPOSITIONS.has(words[at - 1]!.lower) && (datedInClause(words, at + 1, (next) => isMonthName(next?.lower ?? '')) || lastPeriodInClause(words, at + 1))) return { at, length: PAST.test(word) ? 1 : (phraseAt(words, at, PROGRESS) ?? 1) };
    const length = phraseAt(words, at, PROGRESS);
    if (length === undefined || ['to', 'be', 'will', 'been', 'being'].includes(words[at - 1]!.lower) || ATTRIBUTIVE.has(words[at - 1]!.lower) || stateOfThingWith(words, at)) continue;
    const next = words[at + length];
    // "Review under way; findings due in May": the clause ends with the report.
    const clauseEnds = /[;:.,]/.test(words[at + length - 1]!.after);
    if (!next || clauseEnds || PREDICATE_FOLLOWERS.has(next.lower) || next.numeric || startsDate(words, at + length)) {
      // A participle alone reads as the state to reach ("Protocol agreed with the police", "Training delivered
      // to 40 staff"); it reports progress when it says the work has begun, or dates it ("completed in March").
      const begun = STRONG_PROGRESS.has(words.slice(at, at + length).map((word) => word.lower).join(' '));
      const dated = datedInClause(words, at + length) || startsDate(words, at + length);
      // "Life-story work started for every child in care with a plan for long-term fostering": begun for each case, a standard.
      const forEveryCase = words.some((word, i) => i > at && word.lower === 'for' && OCCASION_UNIVERSAL.has(words[i + 1]?.lower ?? ''));
      if ((!begun && !dated) || (begun && !dated && forEveryCase) || isStandard(words, at + length)) continue;
      return { at, length };
    }
  }
  return undefined;
}

/** "... open to any social worker with an assessment under way": the state of a thing named after "with". */
const stateOfThingWith = (words: readonly Token[], at: number): boolean => words[at - 3]?.lower === 'with' && ['a', 'an', 'their', 'its'].includes(words[at - 2]?.lower ?? '');

/** "letter ..., setting out the decision and the safety actions agreed": the participle describes what the thing holds. */
const afterContentsClause = (words: readonly Token[], at: number): boolean =>
  words.some((word, k) => k > 0 && k < at - 1 && /,/.test(words[k - 1]!.after) && /^[a-z]{3,}ing$/.test(word.lower) && !/[.;:]/.test(words.slice(k, at).map((w) => w.after).join('')));

function lastIndex<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}

/**
 * "recording targets the child has set", "the entitlements they have taken up": a clause with no "that"
 * describing the noun before it. Its subject is a pronoun or "the"/"their" and a noun, right after that noun.
 */
function inContactClause(words: readonly Token[], at: number): boolean {
  const determiner = (k: number) => ['the', 'their', 'each'].includes(words[k]?.lower ?? '');
  // "the 20 children the reunification project has identified": the subject may have two words.
  const subject = SUBJECT_PRONOUNS.has(words[at - 1]?.lower ?? '') ? at - 1 : determiner(at - 2) ? at - 2 : determiner(at - 3) && !isVerb(words[at - 2]!.lower) ? at - 3 : -1;
  const noun = words[subject - 1];
  return subject > 1 && noun !== undefined && !/[.;,:]/.test(noun.after) && !PREPOSITIONS.has(noun.lower) && !isVerb(noun.lower) && !['and', 'of'].includes(noun.lower);
}
const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she', 'we', 'you']);

/** "... in March", "delivered to CAAS in July 2023": a month or year after "in", "on" or "during", before the clause ends. */
function datedInClause(words: readonly Token[], from: number, isDate: (word: Token | undefined) => boolean = isDateWord): boolean {
  for (let at = from; at < words.length - 1; at++) {
    if (['in', 'on', 'during'].includes(words[at]!.lower) && isDate(words[at + 1])) return true;
    if (/[.;,:]/.test(words[at]!.after) || words[at]!.lower === 'and') return false;
  }
  return false;
}

/** "improved to 58% in the last quarter": a period already past, before the clause ends. */
function lastPeriodInClause(words: readonly Token[], from: number): boolean {
  for (let at = from; at < words.length - 1; at++) {
    if (words[at]!.lower === 'last' && TIME_UNITS.test(words[at + 1]!.lower) && ['the', 'in', 'over'].includes(words[at - 1]?.lower ?? '')) return true;
    if (/[.;,:]/.test(words[at]!.after)) return false;
  }
  return false;
}

/** A date starts at `at` with no preposition: "completed Nov", "launched 1 April". */
const startsDate = (words: readonly Token[], at: number): boolean =>
  isMonthWord(words[at]?.lower ?? '') || (/^\d{1,2}(?:st|nd|rd|th)?$/.test(words[at]?.lower ?? '') && isMonthWord(words[at + 1]?.lower ?? ''));
const PAST = /^[a-z]{3,}ed$/;
const isParticiple = (word: string): boolean => (/^[a-z]{3,}(?:ed|en|wn)$/.test(word) && !EN_NOUNS.has(word)) || IRREGULAR_PARTICIPLES.has(word);
const EN_NOUNS = new Set(['children', 'women', 'often', 'even', 'citizen', 'kitchen', 'garden', 'token', 'screen', 'queen', 'between', 'seven', 'eleven', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']);
// Words that make what follows "and" a clause about the first thing, not a second thing: "and the date it will be checked".
const CLAUSE_WORDS = new Set(['it', 'they', 'will', 'be', 'is', 'are', 'was', 'were', 'has', 'have', 'when', 'that', 'which', 'who', 'what', 'how', 'each']);
// Words that open a clause of time of its own: "available while the assessment is done".
const TIME_CLAUSE = new Set(['while', 'whilst', 'when', 'whenever', 'once']);
const CONTACT_CLAUSE_NOUNS = new Set(['date', 'day', 'time', 'reason', 'way', 'stage', 'point', 'month', 'week']);
// Participles that do not end in -ed or -en: "has met", "have held", "has built".
const IRREGULAR_PARTICIPLES = new Set(['met', 'held', 'led', 'set', 'put', 'sent', 'spent', 'built', 'kept', 'left', 'paid', 'told', 'sold', 'found', 'won', 'cut', 'brought', 'bought', 'taught', 'begun', 'gone']);
const NOW_STATES = phrasesOf(['in place', 'live', 'operational', 'running', 'embedded', 'established', 'available', 'underway', 'under way', 'in use']);
const PERFECT_ADVERBS = new Set(['also', 'already', 'now', 'recently', 'successfully', 'since', 'just']);
// Past tenses that are never participles or nouns ("met", "held", "led" and "set" can be either).
const SIMPLE_PAST = new Set(['went', 'began', 'took', 'came', 'gave', 'wrote', 'ran', 'did', 'became', 'grew', 'spoke', 'chose', 'drew', 'rose', 'saw']);
/** A month or a year: "in March", "in October 2019". */
const isDateWord = (word: Token | undefined): boolean => word !== undefined && (isMonthName(word.lower) || /^(?:19|20)\d\d$/.test(word.lower));
// Words before a participle that make it a description, not a report: "children who are adopted".
const NOT_REPORTING = new Set([...ATTRIBUTIVE, 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'who', 'that', 'which', 'to', 'and', 'or']);

/**
 * "Plan completed for every young person within 3 months", "risk assessment updated at every review":
 * what is to hold for each case, with its timescale or occasion, not a report.
 */
function isStandard(words: readonly Token[], after: number): boolean {
  const rest = words.slice(after);
  // "Meetings held within 15 working days of the request", "plan agreed at a meeting within 1 working day": a timescale for each case.
  if (rest.some((word, i) => word.lower === 'within' && rest[i + 1]?.numeric)) return true;
  // "updated at every statutory review", "published with every Cabinet report", "completed whenever neglect is the issue".
  if (rest.some((word, i) => word.lower === 'whenever' || (OCCASION_UNIVERSAL.has(word.lower) && OCCASION_PREPOSITIONS.has(rest[i - 1]?.lower ?? '')))) return true;
  // "completed with the family of every child ... before the first review conference".
  const universal = rest.findIndex((word) => UNIVERSAL.has(word.lower));
  return (universal >= 0 && (hasAny(rest, TIMESCALES) || rest.slice(universal).some((word) => OCCASION_WORDS.has(word.lower)))) || isUniversalStandard(words);
}

const OCCASION_UNIVERSAL = new Set(['every', 'each']);
const OCCASION_PREPOSITIONS = new Set(['at', 'before', 'after', 'with', 'on', 'following', 'during']);
const OCCASION_WORDS = new Set(['before', 'after', 'whenever', 'following']);

const UNIVERSAL = new Set(['every', 'each', 'all']);

/** "in a timely manner", "in a consistent way": a quality as the way something is done, in any statement. */
function hasQualityManner(words: readonly Token[]): boolean {
  return words.some(
    (word, i) =>
      (word.lower === 'in' && ['a', 'an'].includes(words[i + 1]?.lower ?? '') && QUALITIES.has(words[i + 2]?.lower ?? '') && ['manner', 'way', 'fashion'].includes(words[i + 3]?.lower ?? '')) ||
      // "Assessments that are timely and thorough": the quality is what the thing is to be.
      (RELATIVES.has(word.lower) && ['is', 'are'].includes(words[i + 1]?.lower ?? '') && QUALITIES.has(words[i + 2]?.lower ?? '')) ||
      // "... to start promptly", "... respond to risk more robustly": the manner is the last word.
      (i === words.length - 1 && i > 1 && word.lower.endsWith('ly') && QUALITIES.has(word.lower)) ||
      // "Performance information accurately evaluated by senior leaders": the manner of the deed.
      (i > 0 && word.lower.endsWith('ly') && QUALITIES.has(word.lower) && PAST.test(words[i + 1]?.lower ?? '')) ||
      // "PEPs with clear targets and appropriate support": what the thing is to come with.
      (word.lower === 'with' && QUALITIES.has(words[i + 1]?.lower ?? '') && !/ly$/.test(words[i + 1]!.lower)) ||
      // "Diversity needs considered appropriately in every care plan": or after it.
      (i > 1 && word.lower.endsWith('ly') && QUALITIES.has(word.lower) && PAST.test(words[i - 1]!.lower) && !NOT_REPORTING.has(words[i - 2]!.lower)),
  );
}

/** "Keep timescales in CIN plans under (regular) review": 1 for the "Keep", or undefined. */
function keptUnderReview(words: readonly Token[], lead: number): number | undefined {
  if (words[lead]!.lower !== 'keep') return undefined;
  const under = words.findIndex((word, i) => i > lead && word.lower === 'under');
  const review = under < 0 ? -1 : words.findIndex((word, i) => i > under && i <= under + 2 && word.lower === 'review');
  return review > 0 && words.slice(under + 1, review).every((word) => word.lower === 'regular' || word.lower === 'close') ? 1 : undefined;
}

/** "... by introducing a monthly panel": "by" and a deliverable verb in its -ing form, after `from`. */
function deliversBy(words: readonly Token[], from: number): boolean {
  return words.some((word, i) => i >= from && ((word.lower === 'by' && (isActionIng(words[i + 1]?.lower ?? '') || ingWithObject(words, i + 1))) || providesWith(words, i)));
}

/** "Support carers with an 'all about me' pack", "... through a monthly observation": a thing to hand over or a routine, not a quality or an aim ("with a stronger focus"). */
function providesWith(words: readonly Token[], i: number): boolean {
  if (!['with', 'through', 'via'].includes(words[i]!.lower) || !['a', 'an'].includes(words[i + 1]?.lower ?? '')) return false;
  const thing = words.slice(i + 2, i + 2 + nounPhraseLength(words, i + 2));
  if (thing.length === 0 || thing.some((word) => QUALITIES.has(word.lower) || MORE_OF.has(word.lower) || ABSTRACT.has(word.lower) || INTENSIFIERS.has(word.lower) || VAGUE_STEMS.has(word.stem))) return false;
  // "Improve PA practice through a monthly observation": a means that recurs is a deliverable too.
  return thing.some((word) => DELIVERABLE_THINGS.has(word.lower) || FREQUENCY.includes(word.lower));
}
// Things a vague verb can hand over: "Support carers with a pack", "Strengthen the front door with a new triage tool".
const DELIVERABLE_THINGS = new Set(['pack', 'card', 'toolkit', 'tool', 'guide', 'leaflet', 'template', 'checklist', 'protocol', 'procedure', 'policy', 'panel', 'tracker', 'dashboard', 'programme', 'course', 'handbook', 'post', 'worker', 'officer', 'service', 'forum', 'clinic', 'workshop', 'session', 'briefing', 'app', 'fund', 'grant', 'allowance', 'offer', 'flowchart', 'form', 'rota', 'register', 'meeting']);

/** "by reinstating a weekly meeting": a verb the lists do not know, in its -ing form, with an object ("by working with partners" has none). */
function ingWithObject(words: readonly Token[], at: number): boolean {
  const word = words[at]?.lower ?? '';
  const base = word.slice(0, -3);
  return /^[a-z]{3,}ing$/.test(word) && BEFORE_OBJECT.has(words[at + 1]?.lower ?? '') && ![base, `${base}e`].some((stem) => VAGUE_HEADS.has(stem) || OPEN_HEADS.has(stem));
}

function isActionIng(word: string): boolean {
  if (!word.endsWith('ing') || word.length < 6) return false;
  const stem = word.slice(0, -3);
  // adding -> add, introducing -> introduce, running -> run
  return [stem, `${stem}e`, stem.slice(0, -1)].some((base) => ACTIONS.has(base) && !VAGUE_HEADS.has(base) && !OPEN_HEADS.has(base));
}

/** "Every child has a life-story book started within 3 months": every case, with a timescale or an occasion for each. */
function isUniversalStandard(words: readonly Token[]): boolean {
  return UNIVERSAL.has(words[0]?.lower ?? '') && (hasAny(words.slice(1), TIMESCALES) || words.slice(1).some((word) => UNIVERSAL.has(word.lower)));
}

/** "to be" within `reach` words after the lead, with nothing between but nouns: "Audit quality to be robust". */
function toBeWithin(words: readonly Token[], lead: number, reach: number): boolean {
  for (let at = lead + 1; at <= lead + reach && at < words.length - 1; at++) {
    if (words[at]!.lower === 'to' && words[at + 1]!.lower === 'be') return true;
    if (DETERMINERS.has(words[at]!.lower) || PREPOSITIONS.has(words[at]!.lower) || /[.;,:]/.test(words[at]!.after)) return false;
  }
  return false;
}

/** Where "to be" follows a statement's subject, as in "Plans to be SMART"; undefined if it does not. */
function toBeAt(words: readonly Token[], lead: number): number | undefined {
  for (let at = lead + 1; at < words.length - 2; at++) {
    if (words[at]!.lower === 'to' && words[at + 1]!.lower === 'be') return at + 2;
    if (at > lead + 12 || /[.;:,]/.test(words[at]!.after)) return undefined;
  }
  return undefined;
}

// Words between "to be" and what the subject is to be: "to be fully", "to be more".
const STATE_MODIFIERS = new Set(['fully', 'more', 'much', 'always', 'routinely', 'properly', 'clearly', 'better']);

/**
 * What follows "to be": a quality with nothing to check it against ("to be made in a timely manner"),
 * an activity with no output ("to be monitored"), a plain state ("to be SMART", "to be more
 * ambitious"), or a deed that can be checked ("to be seen within 5 working days").
 */
function toBeState(words: readonly Token[], from: number): { kind: 'quality' | 'open' | 'aim' | 'vague' | 'deed'; at: number } {
  const rest = words.slice(from);
  const quality = qualityAt(rest);
  if (quality !== undefined) return { kind: 'quality', at: from + quality };
  let at = from;
  while (at < words.length - 1 && STATE_MODIFIERS.has(words[at]!.lower)) at++;
  // "Audit to be more outcome-focused": more of a quality, with nothing to count, even in a participle's form.
  if (COMPARATIVES.has(words[from]!.lower) && at > from && !hasAny(rest, FREQUENCY)) return { kind: 'aim', at };
  const word = words[at]!;
  const frequent = hasAny(rest, FREQUENCY) || hasAny(rest, TIMESCALES);
  if (OPEN_STEMS.has(word.stem)) return { kind: frequent || hasAny(rest, NAMED_OUTPUT) ? 'deed' : 'open', at };
  // "Scrutiny of the Trust to be strengthened", "Leadership capacity to be increased": better or more, with nothing to count.
  if ((VAGUE_STEMS.has(word.stem) || GROWTH_STEMS.has(word.stem)) && !deliversBy(words, at)) return { kind: 'vague', at };
  // A participle names something done ("to be recorded"); anything else is a state ("to be SMART").
  if (/(?:ed|en|wn|un|ught|ade|eld|et|ut|id|one)$/.test(word.lower) || frequent) return { kind: 'deed', at };
  return { kind: 'aim', at };
}

// A timescale for each case: "within 3 months", "monthly" ("every" and "each" alone name the cases).
const TIMESCALES = ['within', 'on the day', 'the same day', 'same-day', ...FREQUENCY.filter((word) => word !== 'every' && word !== 'each')];

// What a follow-through verb's object refers back to: "and report the findings", "and publish it".
const PRONOUNS = new Set(['it', 'them', 'this', 'these', 'they']);
const BACK_REFERENCE = new Set(['it', 'them', 'this', 'these', 'findings', 'results', 'learning', 'outcomes', 'outcome', 'lessons', 'progress']);

/**
 * "Permanency policy with parallel planning, and an adoption tracker for every child": a heading
 * without a verb that names a second thing with "and a" or "and an" names two deliverables.
 */
function nounBundleAt(words: readonly Token[], lead: number): number | undefined {
  // "and a half", "and a quarter" after a number are part of it: "at 17 and a half".
  const second = words.findIndex(
    (word, i) => i >= lead + 3 && i < words.length - 1 && NOUN_JOINERS.has(word.lower) && ['a', 'an'].includes(words[i + 1]!.lower) && !FRACTIONS.has(words[i + 2]?.lower ?? ''),
  );
  // Not "between X and a Y", nor a list of what one thing holds: "every action has a named person and a date", "a form
  // rebuilt so that it records the agencies, the rationale and a timescale".
  const first = words.slice(lead, second);
  if (second < 0 || first.some((word, k) => word.lower === 'between' || (isVerb(word.lower) && !usedAsNoun(words, lead + k) && takesObject(words, lead + k)) || STATE_VERBS.has(word.lower) || SUBORDINATORS.has(word.lower) || word.lower === 'has' || word.lower === 'have')) return undefined;
  // "guidance requiring a chronology and a parental history section": what the one thing contains.
  // "Each young person with an EHCP and a social worker has ...": who a standard is for.
  if (first.some((word) => CONTAINING.has(word.lower)) || UNIVERSAL.has(words[lead]!.lower)) return undefined;
  // "terms of reference rewritten to give partners standing membership and a duty to report": what the purpose's verb gives.
  if (first.some((word, k) => k > 0 && word.lower === 'to' && isVerb(first[k + 1]?.lower ?? '') && isParticiple(first[k - 1]!.lower))) return undefined;
  // "seen by a social worker and a health visitor": without a comma, "and a" after "by" or "with" joins who does it.
  if (!/,/.test(words[second - 1]!.after) && first.some((word) => word.lower === 'by' || word.lower === 'with')) return undefined;
  // "guidance, a perpetrator-focused tool and a new referral pathway": a list of things, each "a", is several deliverables.
  if (endsNounList(words, lead, second) && !listOfArticled(words, lead, second)) return undefined;
  return second + 1;
}

/** Whether the list item before the "and" at `and` starts with "a" or "an" right after its comma. */
function listOfArticled(words: readonly Token[], lead: number, and: number): boolean {
  const comma = lastIndex(words.slice(0, and), (word, i) => i >= lead && /,/.test(word.after));
  // "bag (toiletries, pyjamas, a phone charger and a welcome letter)": contents in brackets are one thing's parts.
  const bracketed = words.slice(lead, and).some((word) => word.after.includes('(')) && !words.slice(lead, and).some((word) => word.after.includes(')'));
  return comma >= 0 && !bracketed && ['a', 'an'].includes(words[comma + 1]?.lower ?? '');
}

/** A verb's form used as a noun: after an article, a preposition or an acronym ("the first LAC review", "at each review"). */
const usedAsNoun = (words: readonly Token[], i: number): boolean =>
  i > 0 && (DETERMINERS.has(words[i - 1]!.lower) || PREPOSITIONS.has(words[i - 1]!.lower) || /^[A-Z]{2,}s?$/.test(words[i - 1]!.text) || ORDINALS.has(words[i - 1]!.lower));
/** A verb's form with an object after it ("publish the guide", "train 40 staff"); "a safeguarding lead and ..." has none. */
const takesObject = (words: readonly Token[], i: number): boolean =>
  /[.;,:]/.test(words[i]!.after) ? false : BEFORE_OBJECT.has(words[i + 1]?.lower ?? '') || UNIVERSAL.has(words[i + 1]?.lower ?? '') || words[i + 1]?.numeric === true;
const ORDINALS = new Set(['first', 'second', 'third', 'next', 'last', 'final', 'initial', 'annual', 'monthly', 'weekly', 'quarterly', 'each', 'every']);

/**
 * "Launch a scorecard alongside a new RHI audit", "Restructure the panel as well as appointing a coordinator":
 * a second thing added with "as well as", "together with", "alongside", "in addition to" or "plus".
 * A person so added says who takes part ("visit together with a health visitor").
 */
function addedThingAt(words: readonly Token[], lead: number): number | undefined {
  for (let i = lead + 2; i < words.length - 1; i++) {
    const joiner = phraseAt(words, i, ADDING_PHRASES);
    if (joiner === undefined) continue;
    const at = i + joiner;
    const next = words[at]!.lower;
    // "as well as retendering the contract": any verb's -ing form with an object ("as well as housing" is a noun).
    if (isActionIng(next) || (joiner === 3 && /^[a-z]{3,}ing$/.test(next) && BEFORE_OBJECT.has(words[at + 1]?.lower ?? ''))) return at;
    if (!['a', 'an'].includes(next)) continue;
    const thing = words.slice(at + 1, at + 1 + nounPhraseLength(words, at + 1));
    if (thing.length > 0 && !PEOPLE.test(thing.at(-1)!.lower)) return at;
  }
  return undefined;
}
const ADDING_PHRASES = phrasesOf(['as well as', 'together with', 'alongside', 'in addition to', 'plus']);
const PEOPLE = /^(?:officers?|workers?|visitors?|practitioners?|managers?|nurses?|colleagues?|partners?|police|parents?|carers?|leads?|advocates?|chairs?|mentors?|members?|professionals?|representatives?|consultants?|doctors?|teachers?|therapists?|psychologists?|coordinators?|co-ordinators?|person|people|staff)$/;

/**
 * "... to be seen jointly by a social worker and a housing officer, and offered an independent advocate":
 * after a comma and "and", a second participle with an object of its own is a second deed.
 */
function secondParticipleAt(words: readonly Token[], lead: number): number | undefined {
  const at = words.findIndex(
    (word, i) => i > lead + 2 && word.lower === 'and' && /,/.test(words[i - 1]!.after) && PAST.test(words[i + 1]?.lower ?? '') && BEFORE_OBJECT.has(words[i + 2]?.lower ?? ''),
  );
  return at < 0 ? undefined : at + 1;
}

/**
 * "Neglect strategy refreshed and Graded Care Profile champions appointed": a thing and what is done to
 * it, then "and" and another thing with its own participle at the end: two deliverables.
 */
function secondReportAt(words: readonly Token[], lead: number): number | undefined {
  // The second participle ends the statement, or only a phrase follows it ("... introduced in all locality teams").
  let last = words.length - 1;
  // "... rewritten to limit visits in lesson time": a purpose may follow too.
  const phrase = lastIndex(words, (word, i) => i > lead + 3 && PREPOSITIONS.has(word.lower) && isParticiple(words[i - 1]!.lower));
  if (!isParticiple(words[last]!.lower) && phrase > 0 && !words.slice(phrase).some((word, k) => word.lower === 'and' || (isVerb(word.lower) && words[phrase + k - 1]!.lower !== 'to'))) last = phrase - 1;
  if (!isParticiple(words[last]!.lower)) return undefined;
  for (let and = last - 2; and > lead + 1; and--) {
    if (words[and]!.lower !== 'and') continue;
    // "rewritten from audit and performance evidence": "and" inside a phrase joins its nouns.
    // "without ethnicity and disability entered": what one deed must have, not a second thing.
    if (words[and - 2]?.lower === 'without' || PREPOSITIONS.has(words[and - 2]?.lower ?? '')) return undefined;
    // "completed within 10 days, with the young person's views and a mediation offer recorded": what the deed comes with.
    if (words.some((word, i) => i > lead && i < and && ['with', 'without'].includes(word.lower) && /,/.test(words[i - 1]!.after))) return undefined;
    // "listing their immunisations, diagnoses and the family health history known to the service": a list's last item.
    if (endsNounList(words, lead, and) || words.slice(lead, and).some((word) => CONTAINING.has(word.lower))) return undefined;
    // "rewritten so that they cannot be allocated a child and family assessment, agreed ...": "and" inside a clause of its own.
    if (words.some((word, i) => i > lead && i < and && SUBORDINATORS.has(word.lower))) return undefined;
    const subject = words.slice(and + 1, last);
    // A first deed before "and", after its noun (its phrase may run on: "appointed in each adoption team").
    const firstDeed = words.some((word, i) => i > lead && i < and && isParticiple(word.lower) && !NOT_REPORTING.has(words[i - 1]!.lower) && !PREPOSITIONS.has(words[i - 1]!.lower));
    // "... and the date it will be checked": a clause about the first thing, not a second thing.
    // A verb's form inside the second noun phrase is a noun ("midway review guidance").
    if (!firstDeed || subject.length === 0 || subject.length > 6 || subject.some((word, k) => (k === 0 && isVerb(word.lower)) || PAST.test(word.text) || CLAUSE_WORDS.has(word.lower))) return undefined;
    return and + 1;
  }
  return undefined;
}

// "... training for all social workers, plus a new perpetrator programme".
const NOUN_JOINERS = new Set(['and', 'plus']);
const FRACTIONS = new Set(['half', 'quarter', 'third']);
const CONTAINING = new Set(['requiring', 'including', 'covering', 'containing', 'listing', 'recording', 'showing', 'setting', 'giving', 'naming']);

/** How many words the noun phrase at `at` has: up to a preposition, "of", "and", "or" or punctuation, at most `limit`. */
function nounPhraseLength(words: readonly Token[], at: number, limit = 6): number {
  let end = at;
  while (end < words.length && end - at < limit && !PREPOSITIONS.has(words[end]!.lower) && !PHRASE_ENDS.has(words[end]!.lower)) {
    end++;
    if (/[.;,:]/.test(words[end - 1]!.after)) break;
  }
  return end - at;
}
const PHRASE_ENDS = new Set(['of', 'and', 'or']);

// Follow-through verbs that can start work of their own ("and implement the redesigned pathway"); the others
// ("test", "pilot", "publish", "share") act on what the action has just made ("and test the new format").
const NEW_WORK = new Set(['implement', 'launch', 'revise', 'amend', 'update', 'refresh', 'adopt', 'roll', 'introduce']);

/** "... and launch the service-user forum": the second verb's object shares no word with what came before. */
function namesSomethingElse(words: readonly Token[], lead: number, and: number, verb: number): boolean {
  if (!['a', 'an', 'the'].includes(words[verb + 1]?.lower ?? '')) return false;
  const before = new Set(words.slice(lead, and).map((word) => word.stem));
  const object: Token[] = [];
  for (let k = verb + 2; k < words.length && !PREPOSITIONS.has(words[k]!.lower) && words[k]!.lower !== 'of'; k++) {
    object.push(words[k]!);
    if (/[.;,:]/.test(words[k]!.after)) break;
  }
  return object.length > 0 && object.every((word) => !before.has(word.stem));
}

/** Whether the "and" at `and` closes a list such as "name, photo and": a comma a few words before it, and no verb in the last item. */
function endsNounList(words: readonly Token[], lead: number, and: number): boolean {
  const comma = [and - 1, and - 2, and - 3, and - 4].find((at) => at > lead && /,/.test(words[at - 1]!.after));
  return comma !== undefined && !words.slice(comma, and).some((word) => isVerb(word.lower));
}

function bundleAt(words: readonly Token[], lead: number): number | undefined {
  for (let i = lead + 2; i < words.length - 2; i++) {
    const joiner = words[i]!.lower === 'and' || /;/.test(words[i - 1]!.after);
    if (!joiner) continue;
    let at = words[i]!.lower === 'and' ? i + 1 : i;
    // "and also set up a panel", "and then publish it": the verb comes after.
    while (at < words.length - 2 && CONJUNCT_ADVERBS.has(words[at]!.lower)) at++;
    const verb = words[at]!.lower;
    // A verb in base form starting its own clause, with an object between the two verbs.
    // "and launch a new induction programme": a follow-through verb that starts something new is a second deliverable.
    const startsNew = words[at + 1]?.lower === 'new' || (['a', 'an'].includes(words[at + 1]?.lower ?? '') && words[at + 2]?.lower === 'new');
    // After a review or an audit, a follow-through verb is what it produces: "review every case and agree a date".
    const reviews = OPEN_HEADS.has(words[lead]!.lower) || CHECKING.has(words[lead]!.lower);
    // After a semicolon the verb starts an instruction of its own: "Introduce a supervision policy; launch an audit tool".
    const semicolon = words[i]!.lower !== 'and';
    // "Open a drop-in and publish a mental health pathway": "a" and a thing not named before is new work too.
    const another = ['a', 'an'].includes(words[at + 1]?.lower ?? '') && namesSomethingElse(words, lead, i, at);
    // "Audit 20 pathway plans and launch a care leavers' health passport": after a review too, launching something else is new work.
    const followsThrough =
      FOLLOW_THROUGH.has(verb) && !startsNew && !semicolon && ((reviews && !(NEW_WORK.has(verb) && another)) || ((!NEW_WORK.has(verb) || !namesSomethingElse(words, lead, i, at)) && !another));
    // After a semicolon even a vague or open verb starts an instruction of its own ("; refresh the policy").
    const instruction = ACTIONS.has(verb) || verbByPosition(words, at) || (semicolon && (VAGUE_HEADS.has(verb) || OPEN_HEADS.has(verb)));
    // "Set up a kinship team and refresh the PLO guidance": an open verb on something not named before is new work too.
    const openOnSomethingElse = OPEN_HEADS.has(verb) && NEW_WORK.has(verb) && !reviews && namesSomethingElse(words, lead, i, at);
    if (!instruction || followsThrough || (!semicolon && (VAGUE_HEADS.has(verb) || (OPEN_HEADS.has(verb) && !openOnSomethingElse)))) continue;
    // "the agreed address and move date": a verb's form that names a kind of date or record is a noun.
    if (COMPOUND_HEADS.has(words[at + 1]?.lower ?? '')) continue;
    if (at - lead < 3) continue;
    // "and escalate when they are not": a step taken on a condition, with no object of its own.
    if (SUBORDINATORS.has(words[at + 1]?.lower ?? '')) continue;
    // "name, photo and contact details": the last item of a list of nouns, not a clause.
    if (endsNounList(words, lead, i)) continue;
    // "and train partners in it": the second verb works on the first deliverable (up to the clause's end).
    let clauseEnd = at + 1;
    while (clauseEnd < words.length && !/[.;,:]/.test(words[clauseEnd - 1]!.after) && words[clauseEnd]!.lower !== 'and') clauseEnd++;
    const object = words.slice(at + 1, Math.max(clauseEnd, at + 4)).map((w) => w.lower);
    // "them" after a preposition is usually whom it is for ("an advocacy offer for them"), not the first deliverable.
    // "and publish a quarterly learning bulletin": "a" makes it something new, whatever it is about.
    const fresh = ['a', 'an'].includes(object[0] ?? '');
    // "Rewrite the templates and train the 8 team managers in using them": training people in it is a deliverable of its own.
    const trains = ['train', 'retrain'].includes(verb);
    if (!trains && object.some((w, k) => BACK_REFERENCE.has(w) && !(fresh && !PRONOUNS.has(w)) && !(w === 'them' && k > 0 && PREPOSITIONS.has(object[k - 1]!)))) continue;
    // "and to", "and the": the word after must not be a preposition that makes the verb a noun ("and set of").
    if (['of', 'for'].includes(words[at + 1]?.lower ?? '')) continue;
    return at;
  }
  return undefined;
}

/**
 * A word the lexicons do not know, read as a verb from where it stands: leading the statement (`leads`),
 * or after "and" or a semicolon, in base form, not a noun's ending, and straight before "the", "a", "their"...: "Staff the
 * MASH", "and staff the team". Nouns are not followed by a determiner.
 */
function verbByPosition(words: readonly Token[], at: number, leads = false): boolean {
  const word = words[at]!;
  return (
    /^[a-z][a-z-]{2,}$/.test(leads ? word.lower : word.text) &&
    !/(?:ing|ed|s|ly|tion|ment|ness|ity|ance|ence)$/.test(word.lower) &&
    !NOT_VERBS.has(word.lower) &&
    !PREPOSITIONS.has(word.lower) &&
    word.after === '' &&
    BEFORE_OBJECT.has(words[at + 1]?.lower ?? '')
  );
}
const BEFORE_OBJECT = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'his', 'her']);
const COMPOUND_HEADS = new Set(['date', 'dates', 'day', 'days', 'time', 'times', 'rate', 'rates', 'request', 'requests', 'form', 'forms', 'record', 'records']);
const NOT_VERBS = new Set(['and', 'or', 'but', 'then', 'also', 'not', 'both', 'either', 'into', 'onto', 'upon', 'about', 'across', 'against', 'among', 'amongst', 'around', 'before', 'behind', 'beyond', 'over', 'via', 'per', 'than', 'that', 'when', 'where', 'which', 'who', 'whom', 'whose', 'while', 'once', 'until', 'unless', 'since', 'because', 'whether', 'after', 'within', 'without', 'towards', 'toward', 'throughout', 'between', 'beside', 'besides', 'like', 'near', 'off', 'out', 'up', 'down', 'all', 'only', 'even', 'just', 'still', 'yet', 'now', 'there', 'here', 'how', 'what', 'why', 'above', 'below', 'under', 'along', 'alongside', 'including', 'following', 'regarding', 'concerning', 'plus', 'minus', 'with']);

// "and also set up", "and, alongside this, will negotiate": words before the second verb.
const CONJUNCT_ADVERBS = new Set(['also', 'then', 'alongside', 'this', 'will', 'additionally', 'separately']);
const GAP_VERBS = new Set(['close', 'narrow']);
const NAMED_BY_VAGUE_WORD = new Set(['plan', 'plans', 'board', 'programme', 'strategy', 'framework', 'team', 'officer', 'worker', 'workers', 'panel', 'hub', 'fund']);

const QUALITY_COMPOUND_PHRASES = phrasesOf(QUALITY_COMPOUNDS);
// What says what a quality means: a standard, a threshold, a rating or a frequency.
const QUALITY_DEFINED = ['against', 'standard', 'standards', 'in line with', 'compliant', 'within', 'rated', 'as defined', 'meaning', 'defined as', 'outstanding', 'at least', 'timescale', 'timescales', ...TIMESCALES];
const TIME_UNITS = /^(?:days?|weeks?|fortnights?|months?|quarters?|terms?|years?|working)$/;
/** "every" and "each" alone name the cases ("on every file"); with a number or a unit of time they say how often ("every 6 weeks"). */
const hasEveryPeriod = (words: readonly Token[]): boolean =>
  words.some((word, i) => OCCASION_UNIVERSAL.has(word.lower) && (words[i + 1]?.numeric === true || TIME_UNITS.test(words[i + 1]?.lower ?? '')));

const GROWTH_VERBS = new Set(['develop', 'build', 'create', 'increase', 'grow', 'raise', 'foster', 'instil', 'nurture']);
// As participles after "to be", with nothing to count: "Leadership capacity to be increased".
const GROWTH_STEMS = new Set(['increase', 'develop', 'raise', 'grow'].map((verb) => porterStem(verb)));

const STATE_VERBS = new Set(['is', 'are', 'feel', 'feels', 'remain', 'remains', 'understand', 'understands', 'know', 'knows', 'say', 'says', 'will', 'have', 'has']);
// "... before a child protection plan is made": a state verb after these belongs to a condition, not to
// the statement; so does one just after a relative (inRelativeClause).
const SUBORDINATORS = new Set(['before', 'after', 'when', 'until', 'unless', 'if', 'once', 'where', 'whenever', 'because', 'so', 'while', 'whether']);
const RELATIVES = new Set(['who', 'which', 'that']);
const WH_CLAUSE = new Set(['what', 'how', 'why', 'whether']);
// After "will", the verbs of a state: "Children will feel safe", "Care leavers will be aware".
const WILL_STATES = new Set(['be', 'feel', 'know', 'understand', 'have', 'experience', 'see', 'get', 'become', 'remain', 'continue']);
// A verb right after a relative, or after "whose" and its noun, belongs to its clause: "children who are
// adopted", "every parent whose first language is" ("children who go missing are" is the statement's own).
const inRelativeClause = (words: readonly Token[], index: number): boolean => {
  // "who cannot safely remain at home": a modal, "not" or a manner may come between.
  let at = index - 1;
  while (at > 0 && (MODALS.has(words[at]!.lower) || words[at]!.lower === 'not' || /ly$/.test(words[at]!.lower)) && index - at < 4) at--;
  return RELATIVES.has(words[at]?.lower ?? '') || words.slice(Math.max(0, index - 5), index).some((word) => word.lower === 'whose');
};
const MODALS = new Set(['can', 'cannot', 'could', 'may', 'might', 'must', 'should', 'would', 'will']);
// Words that open a clause of its own, never a preposition: "whether it has changed", "who they were with".
const CONTENT_CLAUSE = new Set(['whether', 'why', 'how', 'what', 'who', 'whom']);
// Verbs whose "that" clause is what is written down or checked, not what has happened.
const RECORDING_THAT = new Set(['record', 'records', 'recording', 'confirm', 'confirms', 'confirming', 'check', 'checks', 'checking', 'state', 'states', 'stating', 'evidence', 'evidencing', 'note', 'notes', 'noting']);
// "... to be closed until a partner's contribution is recorded, or the manager has recorded why": a condition, not a report.
const CONDITION_CLAUSE = new Set(['until', 'unless']);
const inClauseOfItsOwn = (words: readonly Token[], at: number): boolean => words.slice(Math.max(0, at - 4), at).some((word) => CONTENT_CLAUSE.has(word.lower) || TIME_CLAUSE.has(word.lower));
const PREPOSITIONS = new Set(['at', 'in', 'on', 'by', 'for', 'from', 'to', 'with', 'through', 'under', 'after', 'during', 'across']);
// A noun that makes an abstract word before it a thing to deliver: "an awareness campaign".
const DELIVERABLE_HEADS = new Set(['campaign', 'campaigns', 'session', 'sessions', 'training', 'event', 'events', 'programme', 'course', 'pack', 'week', 'day', 'workshop', 'workshops', 'leaflet', 'strategy', 'survey']);
const PROGRESS_AUXILIARY_HEADS = new Set(PROGRESS_AUXILIARIES.filter((p) => p.includes(' ')));

const isPossessive = (word: Token): boolean => /^['\u2019]/.test(word.after) || /['\u2019]s$/.test(word.lower);

/** The abstract noun a statement delivers, within a few words of its verb: "build expertise", "creation of a culture". */
function abstractAimAt(words: readonly Token[], lead: number): number | undefined {
  // "Increase placement sufficiency": a verb of growth, a noun and its abstract head, and nothing more.
  if (words.length === lead + 3 && GROWTH_VERBS.has(words[lead]!.lower) && ABSTRACT_SUFFIX.test(words[lead + 2]!.lower)) return lead + 2;
  // "Develop team managers' confidence": whose it is does not change what is delivered.
  const owner = [lead + 1, lead + 2, lead + 3].find((k) => k < words.length - 1 && isPossessive(words[k]!));
  for (let at = owner === undefined ? lead + 1 : owner + 1; at < Math.min(words.length, (owner ?? lead) + 5); at++) {
    const word = words[at]!.lower;
    // "aspirations worker", "culture champion": the abstract word names whom the action provides.
    if (ABSTRACT.has(word)) return DELIVERABLE_HEADS.has(words[at + 1]?.lower ?? '') || PEOPLE.test(words[at + 1]?.lower ?? '') || namesThingAfter(words, at) ? undefined : at;
    // "Develop identification and response": a verb of growth straight onto an abstract noun.
    if (at === lead + 1 && GROWTH_VERBS.has(words[lead]!.lower) && ABSTRACT_SUFFIX.test(word)) return at;
    // "a shared partnership culture": a noun may describe the abstract word after it.
    const describesNext = ABSTRACT.has(words[at + 1]?.lower ?? '') && !DELIVERABLE_HEADS.has(words[at + 2]?.lower ?? '');
    if (!DETERMINERS.has(word) && !/(?:ed|al|ive|ful|ing)$/.test(word) && !describesNext) return undefined;
  }
  return undefined;
}

// Comparatives that ask for more of a state: "more stable", "a better shared picture", "fewer moves".
const MORE_OF = new Set(['more', 'better', 'greater', 'stronger', 'fewer', 'less', 'closer', 'wider', 'richer', 'deeper', 'shorter', 'sharper', 'clearer']);
// "Publish a shorter local offer" names one thing to deliver; "Shorter, sharper PLO letters" asks for more of a quality.
const DESCRIBING_MORE = new Set(['shorter', 'sharper', 'clearer']);
// "Escalate children stuck on plans sooner": a comparison as the last word, with nothing to measure it by.
const SOONER = new Set(['sooner', 'earlier', 'faster', 'quicker', 'quickly', 'higher']);

/** A comparative that is the outcome itself, not "more than", "or better", nor part of a name ("Better Care Fund"). */
function moreOfSomethingAt(words: readonly Token[]): number | undefined {
  const at = words.findIndex(
    (word, i) =>
      MORE_OF.has(word.lower) &&
      i + 1 < words.length &&
      !['than', 'of', 'and', 'or'].includes(words[i + 1]!.lower) &&
      // "a plan to move closer to Leicester": a place, not more of something.
      !(word.lower === 'closer' && words[i + 1]!.lower === 'to') &&
      !(DESCRIBING_MORE.has(word.lower) && ['a', 'an'].includes(words[i - 1]?.lower ?? '')) &&
      !['or', 'no', 'any', 'the', 'much', 'need', 'needs', 'needing', 'require', 'requires', 'requiring', 'ask', 'asks', 'seek', 'seeks'].includes(words[i - 1]?.lower ?? '') &&
      !inName(words, i),
  );
  if (at >= 0) return at;
  const last = words.length - 1;
  return last > 1 && SOONER.has(words[last]!.lower) && (words[last]!.lower !== 'quickly' || words[last - 1]!.lower === 'more') ? last : undefined;
}

/** A capitalised word inside the statement, before another: part of a name ("the Better Care Fund", "Effective Support Panel"). */
const inName = (words: readonly Token[], i: number): boolean => i > 0 && /^[A-Z]/.test(words[i]!.text) && /^[A-Z]/.test(words[i + 1]?.text ?? '');

// Nouns that name an area of work or an outcome, not a thing to deliver.
const AREA_NOUNS = new Set(['practice', 'results', 'outcomes', 'provision', 'performance', 'stability', 'engagement', 'participation', 'wellbeing', 'well-being', 'attendance', 'attainment', 'achievement', 'recruitment', 'retention', 'arrangements', 'relationships', 'experiences', 'progress', 'sufficiency', 'work', 'quality', 'consistency', 'timeliness', 'needs', 'rights', 'entitlements', 'identity']);

const ABSTRACT_HEADS = new Set(['voice', 'impact', 'oversight', 'experience', 'effectiveness']);

/** The head of a short heading with no verb, when it is an area noun: "Culturally competent practice". */
function topicHeadAt(words: readonly Token[], lead: number): number | undefined {
  let end = lead;
  while (end < words.length && !PREPOSITIONS.has(words[end]!.lower) && words[end]!.lower !== 'of') {
    // "Leadership stability: permanent heads of service appointed": what follows the colon decides.
    if (/[.;,:]/.test(words[end]!.after) && end < words.length - 1) return undefined;
    end++;
  }
  const phrase = words.slice(lead, end);
  // "Case audit quality": a verb's form inside a heading is a noun unless it takes an object.
  // "Gang-related activity", "Reduced timetables": in a heading of two or three words a participle describes the head.
  const short = end === words.length && words.length <= 3;
  if (phrase.length === 0 || phrase.length > 5 || phrase.some((word, k) => (isVerb(word.lower) && takesObject(words, lead + k)) || DETERMINERS.has(word.lower) || (/(?:ed|ing)$/.test(word.lower) && lead + k < end - 1 && !(short && /ed$/.test(word.lower))))) return undefined;
  // "Health attendance at strategy discussions agreed with the CCG": a participle after a noun says what is to be done.
  const done = words.some((word, i) => i >= end && (isVerb(word.lower) || (/(?:ed|en)$/.test(word.lower) && !PREPOSITIONS.has(words[i - 1]!.lower) && !DETERMINERS.has(words[i - 1]!.lower))));
  // "Adolescent permanence tracking": an open activity as the heading's head.
  const head = words[end - 1]!;
  // "Emergency placements", "Private fostering": a whole statement of two or three words that names no thing to deliver.
  const bare = end === words.length && words.length <= 3 && !DELIVERABLE_NOUNS.has(head.lower) && !/(?:ed)$/.test(head.lower) && !words.some((word) => word.numeric);
  // "Voice of the child in assessments", "Impact of audits": a short heading with an abstract head and no thing to deliver.
  const abstract = ABSTRACT_HEADS.has(head.lower) && end === lead + 1 && words.length <= 6 && !words.some((word) => DELIVERABLE_THINGS.has(word.lower) || DELIVERABLE_HEADS.has(word.lower));
  return (AREA_NOUNS.has(head.lower) || (head.lower.endsWith('ing') && OPEN_STEMS.has(head.stem)) || bare || abstract) && !done ? end - 1 : undefined;
}

/** "culture prompt card", "awareness-raising leaflet": the abstract word describes a thing named after it. */
const namesThingAfter = (words: readonly Token[], at: number): boolean =>
  !/[.;,:]/.test(words[at]!.after) && DELIVERABLE_THINGS.has(words[at + 2]?.lower ?? '') && !PREPOSITIONS.has(words[at + 1]?.lower ?? '') && words[at + 1]?.lower !== 'of';

// Nouns that name a thing to deliver, so that a two- or three-word heading with one ("PLO tracker") is a deliverable.
const DELIVERABLE_NOUNS = new Set([
  ...DELIVERABLE_THINGS, ...DELIVERABLE_HEADS, 'plan', 'plans', 'report', 'reports', 'audit', 'audits', 'review', 'reviews', 'framework', 'guidance',
  'model', 'register', 'scorecard', 'bulletin', 'newsletter', 'meeting', 'meetings', 'board', 'group', 'team', 'role', 'scheme', 'pathway',
  'standard', 'standards', 'charter', 'pledge', 'website', 'database', 'system', 'contract', 'agreement', 'note', 'notes', 'form', 'letter', 'letters',
  'chronology', 'chronologies', 'assessment', 'assessments', 'analysis', 'evaluation', 'visit', 'visits', 'conference', 'map',
  'posts', 'workers', 'manager', 'managers', 'officers', 'lead', 'champion', 'champions', 'coordinator', 'advocate', 'mentor',
  'home', 'homes', 'beds', 'unit', 'centre', 'hub', 'directory', 'leaflets', 'video', 'film', 'induction', 'supervision', 'huddle', 'clinics',
  'update', 'updates', 'summary', 'paper', 'papers', 'return', 'returns', 'minutes', 'record', 'records', 'log', 'list', 'timetable', 'calendar',
]);

/** A noun for a thing to deliver, in the singular or the plural ("procedures", "audit"). */
const isDeliverableNoun = (word: string): boolean => DELIVERABLE_NOUNS.has(word) || DELIVERABLE_NOUNS.has(word.replace(/s$/, ''));

// Verbs whose participle after a noun only says it got better: "Management oversight strengthened".
const BETTER_STEMS = new Set(['improve', 'strengthen', 'enhance', 'embed', 'reinforce', 'consolidate', 'sharpen', 'deepen', 'broaden', 'bolster', 'maximise', 'optimise', 'stabilise'].flatMap((verb) => [porterStem(verb), porterStem(verb.endsWith('e') ? `${verb}d` : `${verb}ed`)]));

const ABSTRACT_SUFFIX = /(?:tion|ness|ance|ence|ity|cy)$/;
/** "Review of training initiated": what follows reports the activity, which progress says better than "no output". */
const reportsProgressAfter = (words: readonly Token[], from: number): boolean => words.some((_, i) => i >= from && phraseAt(words, i, PROGRESS) !== undefined);
/** "of a consistently good standard", "of a high quality": the quality words, when nothing after them defines the standard. */
function qualityStandardAt(words: readonly Token[]): { at: number; length: number } | undefined {
  for (let i = 0; i < words.length - 2; i++) {
    if (words[i]!.lower !== 'of') continue;
    const at = ['a', 'an'].includes(words[i + 1]!.lower) ? i + 2 : i + 1;
    let end = at;
    const standardWord = (k: number) => ['standard', 'quality'].includes(words[k]?.lower ?? '');
    while (end < words.length && end < at + 3 && !standardWord(end) && (QUALITIES.has(words[end]!.lower) || words[end]!.lower === 'high')) end++;
    // "of good quality work": the quality describes the thing named after it.
    const after = words[end + 1];
    if (end === at || !standardWord(end) || (after && !/[.;,:]/.test(words[end]!.after) && !PREPOSITIONS.has(after.lower) && after.lower !== 'and')) continue;
    if (hasAny(words.slice(end + 1), STANDARD_DEFINED)) return undefined;
    return { at, length: end - at + 1 };
  }
  return undefined;
}
const STANDARD_DEFINED = ['against', 'as defined', 'defined in', 'set out', 'in line with', 'as measured', 'rated', 'graded'];

const QUALITY_NOUNS = /^(?:consistency|timeliness|effectiveness|robustness|sufficiency|quality)$/;
const SHOWING = new Set(['showing', 'shows', 'tracking', 'tracks', 'measuring', 'measures']);

function qualityAt(words: readonly Token[]): number | undefined {
  const covered = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const length = phraseAt(words, i, QUALITY_COMPOUND_PHRASES);
    if (length !== undefined) for (let j = i; j < i + length; j++) covered.add(j);
  }
  // A standard or threshold named after it says what the quality means.
  if (hasAny(words, QUALITY_DEFINED) || hasEveryPeriod(words)) return undefined;
  // "a dashboard showing return home interview timeliness": a quality as what is shown is a figure to report.
  const shown = words.findIndex((word) => SHOWING.has(word.lower));
  for (let i = 0; i < words.length; i++) {
    if (covered.has(i) || !QUALITIES.has(words[i]!.lower) || (shown >= 0 && shown < i) || inName(words, i)) continue;
    // "the quality of 40 assessments" would have a count; "quality of assessments" as the thing delivered has none.
    return i;
  }
  return undefined;
}
