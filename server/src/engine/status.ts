/** RAG status values. */
import { memoByText } from './memo.js';

export type Status = 'not started' | 'red' | 'amber' | 'green' | 'blue';

export const STATUS_LABELS: Record<Status, string> = {
  'not started': 'Not started',
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  blue: 'Blue',
};

const WORDS: Record<string, Status> = {
  'not started': 'not started',
  red: 'red',
  amber: 'amber',
  green: 'green',
  blue: 'blue',
  complete: 'blue',
  completed: 'blue',
  done: 'blue',
};

// A status may carry a comment after a separator: "Amber - slipped one month", or end with a full stop.
const STATUS = /^(not started|red|amber|green|blue|completed?|done)(?=$|\s*[-\u2013\u2014:;,(.])/i;

/** Reads a Status value; undefined when it is not one of the dialect's values. */
export const readStatus = memoByText((value: string): Status | undefined => {
  const match = STATUS.exec(value.trim());
  return match ? WORDS[match[1]!.toLowerCase().replace(/\s+/g, ' ')] : undefined;
});

export const isComplete = (status: Status | undefined): boolean => status === 'blue';
