import type { Recommendation } from '../model.js';
import { relevanceIndexOf, type Fit } from '../smart/relevance.js';
import type { Rule } from './types.js';

/**
 * When another recommendation "fits clearly better" (BM25 scores, server/src/engine/smart/relevance.ts).
 * Thresholds are in units of one distinctive word's weight (the IDF of a word only one recommendation
 * uses), so they mean the same in a plan of 3 recommendations and one of 15:
 * - the addressed ones share no word with the action, and it scores at least ALONE_WORDS; or
 * - it shares at least MIN_SHARED words, scores CLEARLY_BETTER times as much as the best addressed
 *   one, and at least GAP_WORDS more.
 */
const ALONE_WORDS = 2;
const MIN_SHARED = 2;
const CLEARLY_BETTER = 2.5;
const GAP_WORDS = 1;

const named = (r: Recommendation) => (r.title.text ? `${r.id} (${r.title.text})` : r.id);

export const smartRelevant: Rule = {
  code: 'smart-relevant',
  defaultSeverity: 'warning',
  scope: 'action',
  readsRecommendationTexts: true,
  summary: 'The action is about something else than the recommendations it addresses: another fits clearly better.',
  *check({ plan, analysis }) {
    const recommendations = [...analysis.recommendationsById.values()];
    if (recommendations.length < 2) return;
    const index = relevanceIndexOf(recommendations);
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const addressed = facts.addressedIds.filter((id) => analysis.recommendationsById.has(id));
      if (addressed.length === 0) continue;
      const fits = index.fits(`${action.statement.text} ${action.description} ${facts.field('measure')?.valueText ?? ''}`);
      let own: Fit | undefined;
      let best: Fit | undefined;
      for (const fit of fits) {
        if (addressed.includes(fit.id)) {
          if (!own || fit.score > own.score) own = fit;
        } else if (!best || fit.score > best.score) best = fit;
      }
      if (!own || !best || best.shared === 0) continue;
      const clearly =
        own.shared === 0
          ? best.shared >= MIN_SHARED && best.score >= ALONE_WORDS * index.distinctiveWeight
          : best.shared >= MIN_SHARED && best.score >= CLEARLY_BETTER * own.score && best.score - own.score >= GAP_WORDS * index.distinctiveWeight;
      if (!clearly) continue;
      const better = analysis.recommendationsById.get(best.id)!;
      const ownNames = addressed.map((id) => named(analysis.recommendationsById.get(id)!)).join(', ');
      const relation = own.shared === 0 ? 'has nothing in common with' : 'has little in common with';
      yield {
        element: action,
        range: action.statement.range.end > action.statement.range.start ? action.statement.range : action.idSpan.range,
        message: `${action.id} ${relation} ${ownNames}, while ${named(better)} fits it clearly better: link it to ${best.id}, or check which recommendation it addresses.`,
        fix: { kind: 'better-link', from: addressed, to: best.id },
      };
    }
  },
};
