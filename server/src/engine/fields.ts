/** Field keys of the dialect and their synonyms (case-insensitive). */
import type { FieldName } from './model.js';

const SYNONYMS: Record<FieldName, readonly string[]> = {
  owner: ['owner', 'lead', 'lead officer', 'responsible', 'accountable'],
  due: ['due', 'due date', 'deadline', 'timescale', 'by', 'target date', 'completion date'],
  measure: ['measure', 'success measure', 'success criteria', 'measure of success', 'impact', 'kpi', 'target'],
  links: ['links', 'link', 'recommendation', 'recommendations', 'addresses'],
  status: ['status', 'rag', 'rag status', 'progress status'],
  start: ['start', 'start date'],
  evidence: ['evidence'],
  milestones: ['milestones'],
  progress: ['progress', 'updates'],
};

const BY_KEY = new Map<string, FieldName>(
  Object.entries(SYNONYMS).flatMap(([name, keys]) => keys.map((key) => [key, name as FieldName] as const)),
);

export function fieldNameOf(key: string): FieldName | undefined {
  return BY_KEY.get(key.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** Every key a field can be written with, for documentation and completion. */
export function fieldSynonyms(): Readonly<Record<FieldName, readonly string[]>> {
  return SYNONYMS;
}
