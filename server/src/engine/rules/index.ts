/** Every rule, in the order of the dialect's table. */
import { completeWithoutEvidence } from './complete-without-evidence.js';
import { duplicateId } from './duplicate-id.js';
import { frontMatter } from './front-matter.js';
import { invalidStatus } from './invalid-status.js';
import { noOwner } from './no-owner.js';
import { overdue } from './overdue.js';
import { priorityActionDeadlines } from './priority-action-deadlines.js';
import { smartAchievable } from './smart-achievable.js';
import { smartMeasurable } from './smart-measurable.js';
import { smartRelevant } from './smart-relevant.js';
import { smartSpecific } from './smart-specific.js';
import { smartTimeBound } from './smart-time-bound.js';
import type { Rule } from './types.js';
import { uncoveredRecommendation } from './uncovered-recommendation.js';
import { unknownOwner } from './unknown-owner.js';
import { unknownRecommendation } from './unknown-recommendation.js';
import { unlinkedAction } from './unlinked-action.js';

export const RULES: readonly Rule[] = [
  noOwner,
  unknownOwner,
  unlinkedAction,
  unknownRecommendation,
  uncoveredRecommendation,
  duplicateId,
  smartSpecific,
  smartMeasurable,
  smartAchievable,
  smartRelevant,
  smartTimeBound,
  overdue,
  invalidStatus,
  completeWithoutEvidence,
  frontMatter,
  priorityActionDeadlines,
];
