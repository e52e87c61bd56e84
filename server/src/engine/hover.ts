/**
 * What a hover shows: a recommendation with the actions that address it, an action's fields and
 * SMART result, a due date with its weekday and the days left. Markdown, with the exact range.
 */
import type { PlanAnalysis } from './analysis.js';
import { describeDue, formatDateWithWeekday } from './calendar.js';
import { touches } from './cursor.js';
import type { Action, Plan, Range, Recommendation } from './model.js';
import { clockHover, isPriorityAction, priorityActionClock } from './priorityActionClock.js';
import type { RuleCode } from './severity.js';
import { scorecard } from './smart/scorecard.js';
import { isComplete, STATUS_LABELS } from './status.js';
import { summarisePlan, type ActionSummary } from './summary.js';

export interface HoverContent {
  /** Markdown. */
  markdown: string;
  range: Range;
}

/** The part of a diagnostic the SMART summary reads. */
export interface HoverDiagnostic {
  code: string;
  message: string;
  range: Range;
}

export interface HoverInput {
  plan: Plan;
  analysis: PlanAnalysis;
  diagnostics: readonly HoverDiagnostic[];
}

export interface HoverOptions {
  /** Whether a rule is turned off by settings, `.planrc` or front matter (a silent rule has not passed). */
  isRuleOff?: (code: RuleCode) => boolean;
}

export function hoverAt(input: HoverInput, offset: number, options: HoverOptions = {}): HoverContent | undefined {
  const { plan, analysis } = input;
  if (!Number.isInteger(offset) || offset < 0 || offset > plan.text.length) return undefined;
  for (const action of plan.actions) {
    const facts = analysis.factsOf(action);
    for (const link of facts.links) {
      if (link.id === undefined || !touches(link.range, offset)) continue;
      const recommendation = analysis.recommendationsById.get(link.id);
      return recommendation ? { markdown: recommendationHover(input, recommendation), range: link.range } : undefined;
    }
    const due = facts.field('due');
    if (due && touches(due.value.range, offset)) {
      if (facts.due?.kind !== 'date') return undefined;
      const standing = isComplete(facts.status) ? 'complete' : describeDue(facts.due.date, analysis.asOf);
      const counted = plan.frontMatter?.asOf ? "the plan's as-of date" : 'today';
      return {
        markdown: `**Due:** ${formatDateWithWeekday(facts.due.date)} — ${standing}\n\nCounted from ${counted}, ${formatDateWithWeekday(analysis.asOf)}.`,
        range: due.value.range,
      };
    }
  }
  const recommendation = plan.recommendations.find((r) => touches(r.headingRange, offset));
  if (recommendation) {
    return { markdown: recommendationHover(input, recommendation) + priorityActionClockHover(input, recommendation), range: recommendation.headingRange };
  }
  const action = plan.actions.find((a) => touches(a.headingRange, offset));
  if (action) return { markdown: actionHover(input, action, options), range: action.headingRange };
  return undefined;
}

/** On an area for priority action's heading: the draft and final plan deadlines (priorityActionClock.ts). */
function priorityActionClockHover({ plan, analysis }: HoverInput, recommendation: Recommendation): string {
  const clock = isPriorityAction(recommendation) ? priorityActionClock(plan) : undefined;
  return clock ? `\n\n${clockHover(clock, plan, analysis.asOf)}` : '';
}

const titled = (recommendation: Recommendation): string =>
  recommendation.title.text ? `${recommendation.id} ${recommendation.title.text}` : recommendation.id;

function statusOf(summary: ActionSummary): string {
  const status = summary.status ? STATUS_LABELS[summary.status] : 'no status';
  return summary.daysOverdue > 0 ? `${status}, overdue by ${summary.daysOverdue} day${summary.daysOverdue === 1 ? '' : 's'}` : status;
}

function recommendationHover({ plan, analysis }: HoverInput, recommendation: Recommendation): string {
  const parts = [`**${titled(recommendation)}**`];
  if (recommendation.text) parts.push(recommendation.text);
  const external = analysis.external?.recommendations.includes(recommendation) ? analysis.external.name : undefined;
  if (external) parts.push(`From ${external}.`);
  const addressing = summarisePlan(plan, analysis).byRecommendation.get(recommendation.id) ?? [];
  if (addressing.length === 0) {
    parts.push('No action addresses it yet.');
  } else {
    const lines = addressing.map((summary) => {
      const { action } = summary;
      const how = action.containingRecommendationId === recommendation.id ? '' : ', through Links';
      return `- ${action.id}${action.statement.text ? ` ${action.statement.text}` : ''} — ${statusOf(summary)}${how}`;
    });
    parts.push(`Addressed by ${addressing.length} action${addressing.length === 1 ? '' : 's'}:\n\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}

function actionHover({ analysis, diagnostics }: HoverInput, action: Action, options: HoverOptions): string {
  const parts = [`**${action.id}**${action.statement.text ? ` ${action.statement.text}` : ''}`];
  const facts = analysis.factsOf(action);
  const addressed = facts.addressedIds.map((id) => {
    const recommendation = analysis.recommendationsById.get(id);
    return recommendation ? (recommendation.title.text ? `${id} (${recommendation.title.text})` : id) : `${id} (not declared)`;
  });
  parts.push(addressed.length > 0 ? `Addresses ${addressed.join(', ')}.` : 'Addresses no recommendation.');

  if (action.fields.length > 0) {
    const lines = action.fields.flatMap((field) => {
      const value = field.valueText !== '' ? field.valueText : field.items.length > 0 ? '' : '*blank*';
      return [
        `- **${field.key.text}:**${value ? ` ${value}` : ''}`,
        ...field.items.map((item) => `  - ${item.text.replace(/\s+/g, ' ').trim()}`),
      ];
    });
    parts.push(lines.join('\n'));
  } else {
    parts.push('No fields yet: add `- Owner:`, `- Due:`, `- Measure:` and `- Status:` below the heading.');
  }

  const card = scorecard(action, diagnostics, options.isRuleOff);
  const smart = card.letters.map((letter) => {
    const result =
      letter.result === 'failed'
        ? `failed: ${letter.messages.join(' ')}`
        : letter.result === 'passed'
          ? 'passed'
          : letter.why === 'silenced'
            ? 'not checked: silenced by a plan-ignore comment'
            : 'not checked: the rule is turned off';
    return `- **${letter.letter}** ${letter.name}: ${result}`;
  });
  parts.push(`**SMART ${card.passed}/${card.checked}**\n\n${smart.join('\n')}`);
  return parts.join('\n\n');
}
