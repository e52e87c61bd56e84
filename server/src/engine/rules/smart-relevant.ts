import { contentWords } from '../words.js';
import type { Recommendation } from '../model.js';
import type { Rule } from './types.js';

/** How many more shared words another recommendation needs before it "fits clearly better". */
const CLEARLY_BETTER = 2;

export const smartRelevant: Rule = {
  code: 'smart-relevant',
  defaultSeverity: 'warning',
  summary: 'The action shares nothing with the recommendations it addresses, while another fits clearly better.',
  *check({ plan, analysis }) {
    const vocabulary = new Map<Recommendation, ReadonlySet<string>>();
    for (const recommendation of analysis.recommendationsById.values()) {
      vocabulary.set(recommendation, contentWords(`${recommendation.title.text} ${recommendation.text}`));
    }
    const overlap = (words: ReadonlySet<string>, recommendation: Recommendation): number => {
      let count = 0;
      for (const word of vocabulary.get(recommendation) ?? []) if (words.has(word)) count++;
      return count;
    };
    for (const action of plan.actions) {
      const facts = analysis.factsOf(action);
      const addressed = facts.addressedIds
        .map((id) => analysis.recommendationsById.get(id))
        .filter((r): r is Recommendation => r !== undefined);
      if (addressed.length === 0) continue;
      const words = contentWords(`${action.statement.text} ${action.description} ${facts.field('measure')?.valueText ?? ''}`);
      if (addressed.some((recommendation) => overlap(words, recommendation) > 0)) continue;
      let best: { recommendation: Recommendation; score: number } | undefined;
      for (const recommendation of vocabulary.keys()) {
        const score = overlap(words, recommendation);
        if (score >= CLEARLY_BETTER && (!best || score > best.score)) best = { recommendation, score };
      }
      if (!best) continue;
      const named = (r: Recommendation) => (r.title.text ? `${r.id} (${r.title.text})` : r.id);
      yield {
        element: action,
        range: action.statement.range.end > action.statement.range.start ? action.statement.range : action.idSpan.range,
        message: `${action.id} has nothing in common with ${addressed.map(named).join(', ')}, while ${named(best.recommendation)} fits it better: check which recommendation it addresses.`,
      };
    }
  },
};
