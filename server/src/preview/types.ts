/**
 * What the preview and dashboard requests return: plain JSON. The VS Code client and the webview
 * scripts import these types only, so this file imports nothing but a type.
 */
import type { Status } from '../engine/status.js';

export type { Status };

/** Which document version a result was computed from. */
export interface Versioned {
  uri: string;
  version: number;
}

export interface PreviewContent {
  /** The front matter's title, if any. */
  title: string | null;
  /** A sanitized HTML fragment: the plan rendered, with RAG chips, owners, due dates and diagnostics. */
  html: string;
}

export type PlanPreview = PreviewContent & Versioned;

export interface DashboardCounts {
  actions: number;
  overdue: number;
  /** Actions by status; 'none' counts actions with no Status or one that is not a RAG value. */
  byStatus: Record<Status | 'none', number>;
}

export interface DashboardAction {
  id: string;
  /** The heading text after the ID. */
  statement: string;
  /** 0-based line of the heading. */
  line: number;
  status: Status | null;
  /** `Amber`, `Not started`; null when the Status is missing or not a RAG value. */
  statusLabel: string | null;
  owner: string | null;
  /** The Due date read as ISO (`2026-03-31`) and as people write it (`31 March 2026`); null when missing or unreadable. */
  due: string | null;
  dueText: string | null;
  /** Days past Due against the as-of date; 0 when not overdue or complete. */
  daysOverdue: number;
}

export interface CoverageRow {
  id: string;
  title: string;
  /** 0-based line of the heading; null when declared in the `recommendations:` file. */
  line: number | null;
  counts: DashboardCounts;
  /** The actions addressing it, as indexes into DashboardData.actions. */
  cells: { action: number; viaLinks: boolean }[];
}

export interface TimelineItem {
  /** Index into DashboardData.actions. */
  action: number;
  due: string;
  overdue: boolean;
}

export interface TimelineLane {
  /** The owner as first written; 'No owner' for actions without one. */
  owner: string;
  /** Ordered by due date. */
  items: TimelineItem[];
}

export interface DashboardContent {
  title: string | null;
  /** The date lateness is judged against (the front matter's `as-of`, else today), ISO and readable. */
  asOf: string;
  asOfText: string;
  counts: DashboardCounts;
  /** Every action in document order. */
  actions: DashboardAction[];
  /** Recommendations by actions: one row per recommendation, in the plan's order. */
  coverage: CoverageRow[];
  /** Actions with a readable due date, one lane per owner (owners compared ignoring case and spacing). */
  timeline: TimelineLane[];
  /** Actions with no readable due date. */
  undated: number;
}

export type DashboardData = DashboardContent & Versioned;
