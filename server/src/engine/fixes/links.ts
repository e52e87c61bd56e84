/** Fixes for links between actions and recommendations: unlinked actions and unknown IDs. */
import type { LinkReference } from '../analysis.js';
import type { LintResult } from '../lint.js';
import type { Action, Recommendation } from '../model.js';
import { contentWords } from '../words.js';
import { editDistance } from './distance.js';
import { addFieldEdit, fillFieldEdit } from './fields.js';
import { blockInsertion, startOfHeadingBlock } from './text.js';
import type { Fix, TextEdit } from './types.js';

/** A recommendation's title, shortened for a menu. */
function shortTitle(recommendation: Recommendation): string {
  const title = recommendation.title.text.replace(/\s+/g, ' ').trim();
  return title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
}

/** What a recommendation is called in a fix's title: `R3 (Care leavers' entitlements)`; `label` is how the ID is written. */
export function named(recommendation: Recommendation, label = recommendation.id): string {
  const title = shortTitle(recommendation);
  return title === '' ? label : `${label} (${title})`;
}

/** Recommendations sharing content words with `text`, best first (ties in plan order), without those sharing none. */
export function bestMatches(result: LintResult, text: string, limit: number): { recommendation: Recommendation; score: number }[] {
  const words = contentWords(text);
  const scored: { recommendation: Recommendation; score: number; order: number }[] = [];
  let order = 0;
  for (const recommendation of result.analysis.recommendationsById.values()) {
    let score = 0;
    for (const word of contentWords(`${recommendation.title.text} ${recommendation.text}`)) if (words.has(word)) score++;
    if (score > 0) scored.push({ recommendation, score, order: order++ });
  }
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).slice(0, limit);
}

/** Adds `id` to the action's Links: a new `- Links:` field, a value for an empty one, or `, id` after the others. */
export function addLinkEdit(result: LintResult, action: Action, id: string): TextEdit {
  const links = result.analysis.factsOf(action).field('links');
  if (!links) return addFieldEdit(result.plan, action, 'links', id);
  if (links.valueText === '') return fillFieldEdit(result.plan.text, links, id);
  const end = links.value.range.end;
  return { range: { start: end, end }, newText: `, ${id}` };
}

/** An action that addresses no recommendation: put its heading under the one above, or link it to the best matches. */
export function unlinkedFixes(result: LintResult, action: Action): Fix[] {
  const { plan } = result;
  const fixes: Fix[] = [];
  const above = plan.recommendations.filter((r) => r.headingRange.start < action.headingRange.start).at(-1);
  if (above && above.depth === action.depth && action.depth < 6) {
    let at = action.headingRange.start;
    while (plan.text[at] === ' ') at++;
    if (plan.text[at] === '#') {
      fixes.push({
        title: `Add a # to put ${action.id} under ${above.id}`,
        edits: [{ range: { start: at, end: at }, newText: '#' }],
        safe: false,
        preferred: true,
      });
    }
  }
  const facts = result.analysis.factsOf(action);
  const matches = bestMatches(result, `${action.statement.text} ${action.description} ${facts.field('measure')?.valueText ?? ''}`, 2);
  matches.forEach(({ recommendation, score }, index) => {
    fixes.push({
      title: `Link ${action.id} to ${named(recommendation)}`,
      edits: [addLinkEdit(result, action, recommendation.id)],
      safe: false,
      preferred: fixes.length === 0 && index === 0 && (matches[1]?.score ?? 0) < score,
    });
  });
  return fixes;
}

/**
 * An action that fits another recommendation clearly better (smart-relevant): link it to that one;
 * and when a Links entry names the poor fit, replace that entry instead.
 */
export function betterLinkFixes(result: LintResult, action: Action, from: readonly string[], to: string): Fix[] {
  const better = result.analysis.recommendationsById.get(to);
  if (!better) return [];
  const facts = result.analysis.factsOf(action);
  if (facts.addressedIds.includes(to)) return [];
  const fixes: Fix[] = [];
  const wrong = facts.links.filter((link) => link.id !== undefined && from.includes(link.id) && link.id !== action.containingRecommendationId);
  if (wrong.length === 1) {
    fixes.push({
      title: `Change ${wrong[0]!.text} to ${named(better)} in the Links of ${action.id}`,
      edits: [{ range: wrong[0]!.range, newText: written(wrong[0]!.text, to) }],
      safe: false,
      preferred: true,
    });
  }
  fixes.push({ title: `Link ${action.id} to ${named(better)}`, edits: [addLinkEdit(result, action, to)], safe: false, preferred: fixes.length === 0 });
  return fixes;
}

interface ParsedId {
  letter: string;
  digits: string;
}

const parseId = (id: string): ParsedId | undefined => {
  const match = /^([RP])(\d+)$/.exec(id);
  return match ? { letter: match[1]!, digits: match[2]! } : undefined;
};

/**
 * A slip that points at one ID: the other letter with the same number (P3 for R3), two digits
 * swapped (R21 for R12), or one digit more or fewer (R11 for R1). One digit changed for another
 * (R9 for R1) is not: every one-digit ID is that close to every other.
 */
export function isCloseSlip(written: string, known: string): boolean {
  const a = parseId(written);
  const b = parseId(known);
  if (!a || !b || written === known) return false;
  if (a.digits === b.digits) return true;
  if (a.letter !== b.letter || editDistance(a.digits, b.digits) !== 1) return false;
  if (a.digits.length !== b.digits.length) return true;
  const differ = [...a.digits].flatMap((digit, i) => (digit === b.digits[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0]! + 1;
}

/** How a replacement ID is written: in words when the entry was (`Recommendation 2`), else short (`R2`). */
function written(entry: string, id: string): string {
  const parsed = parseId(id);
  if (!parsed || !/^(?:recommendation|priority action)\b/i.test(entry)) return id;
  return `${parsed.letter === 'R' ? 'Recommendation' : 'Priority action'} ${parsed.digits}`;
}

/** A Links entry naming an ID that no recommendation declares: the nearest known IDs, or a heading for it. */
export function unknownIdFixes(result: LintResult, link: LinkReference, id: string): Fix[] {
  const known = [...result.analysis.recommendationsById.values()];
  const number = (value: string) => Number.parseInt(value.slice(1), 10);
  const ranked = known
    .map((recommendation, order) => ({
      recommendation,
      close: isCloseSlip(id, recommendation.id),
      distance: editDistance(id, recommendation.id),
      gap: Math.abs(number(id) - number(recommendation.id)),
      order,
    }))
    .filter((candidate) => candidate.close || candidate.distance <= 2)
    .sort((a, b) => Number(b.close) - Number(a.close) || a.distance - b.distance || a.gap - b.gap || a.order - b.order);
  const closeCount = ranked.filter((candidate) => candidate.close).length;
  const fixes: Fix[] = ranked.slice(0, 2).map(({ recommendation, close }) => ({
    title: `Change ${link.text} to ${named(recommendation, written(link.text, recommendation.id))}`,
    edits: [{ range: link.range, newText: written(link.text, recommendation.id) }],
    safe: close && closeCount === 1,
    preferred: close && closeCount === 1,
  }));
  fixes.push(stubRecommendationFix(result, id));
  return fixes;
}

/** `Rec 2`, `r2`, `2`, `Priority 1`: an ID written loosely, as its letter (undefined when either) and number. */
const LOOSE_ID = /^(?:(r|rec|recs|recomm?endation|p|pa|priority(?:[ \t]+action)?)\.?[ \t]*)?[#(]?0*(\d{1,6})[.)]?$/i;

/** A Links entry that is not an ID: the ID it was probably meant to be, or the recommendations its words match. */
export function notAnIdFixes(result: LintResult, link: LinkReference): Fix[] {
  const byId = result.analysis.recommendationsById;
  const loose = LOOSE_ID.exec(link.text.trim());
  if (loose) {
    const letter = loose[1] ? (/^p/i.test(loose[1]) ? 'P' : 'R') : undefined;
    const ids = (letter ? [letter] : ['R', 'P']).map((l) => `${l}${Number.parseInt(loose[2]!, 10)}`).filter((id) => byId.has(id));
    if (ids.length > 0) {
      return ids.map((id) => ({
        title: `Change "${link.text}" to ${named(byId.get(id)!)}`,
        edits: [{ range: link.range, newText: id }],
        safe: ids.length === 1,
        preferred: ids.length === 1,
      }));
    }
  }
  const matches = bestMatches(result, link.text, 2);
  return matches.map(({ recommendation, score }, index) => ({
    title: `Change "${link.text}" to ${named(recommendation)}`,
    edits: [{ range: link.range, newText: recommendation.id }],
    safe: false,
    preferred: index === 0 && (matches[1]?.score ?? 0) < score,
  }));
}

export const STUB_TITLE = 'Title to confirm';
export const STUB_TEXT = "[The recommendation's words, copied from the inspection report.]";

/** A heading for a recommendation the plan does not have yet, after the last recommendation's section (or at the end). */
export function stubRecommendationFix(result: LintResult, id: string): Fix {
  const { plan } = result;
  const { text } = plan;
  const last = plan.recommendations.at(-1);
  const end = last ? last.sectionRange.end : text.length;
  const at = end >= text.length ? text.length : startOfHeadingBlock(text, end);
  const hashes = '#'.repeat(last?.depth ?? 2);
  const edit = blockInsertion(text, at, [`${hashes} ${id} ${STUB_TITLE}`, '', STUB_TEXT], [`${hashes} ${id} \${1:${STUB_TITLE}}`, '', `\${2:${STUB_TEXT}}`]);
  return {
    title: `Add a heading for ${id} at the end of the ${last ? 'recommendations' : 'plan'}`,
    edits: [edit],
    safe: false,
    preferred: false,
  };
}
