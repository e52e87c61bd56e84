/**
 * The HTML export: one standalone page (inline CSS, no scripts, nothing fetched from elsewhere)
 * with the plan's details, the RAG counts and each recommendation's actions, laid out to print.
 * The page is a hast tree serialised by rehype-stringify, which escapes every text.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { formatDate } from '../engine/dates.js';
import { SMART_LETTERS } from '../engine/smart/scorecard.js';
import {
  detailRows,
  problemsCell,
  smartCell,
  STATUS_COLOURS,
  STATUS_ORDER,
  statusCell,
  statusName,
  summarySentence,
  type ActionRow,
  type PlanExport,
} from './rows.js';

type Child = ElementContent | string | undefined | false;

/** A hast element; strings become text nodes, and undefined or false children are left out. */
function h(tagName: string, properties: Properties = {}, ...children: (Child | Child[])[]): Element {
  const content = children.flat().flatMap((child): ElementContent[] => {
    if (child === undefined || child === false) return [];
    return [typeof child === 'string' ? { type: 'text', value: child } : child];
  });
  return { type: 'element', tagName, properties, children: content };
}

/** A text with line breaks kept as <br>. */
const lines = (text: string): ElementContent[] =>
  text.split('\n').flatMap((line, index): ElementContent[] => (index === 0 ? [{ type: 'text', value: line }] : [h('br'), { type: 'text', value: line }]));

// The page forbids scripts and remote content itself, so it is safe to open and to e-mail.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #1a1a1a; margin: 2em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.1em; margin-bottom: 0.3em; }
dl.metadata { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.metadata dt { font-weight: bold; }
dl.metadata dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #1f3864; color: #fff; }
table.counts { width: auto; }
td.number { text-align: right; }
.status { font-weight: bold; white-space: nowrap; }
.problems { font-size: 0.9em; color: #444; }
.recommendation-text { font-style: italic; }
${STATUS_ORDER.filter((status) => status !== 'none')
  .map((status) => `.status-${status.replace(' ', '-')} { background: #${STATUS_COLOURS[status as keyof typeof STATUS_COLOURS]}; }`)
  .join('\n')}
@media print {
  body { margin: 0; font-size: 9pt; }
  th, td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, h3 { break-inside: avoid; page-break-inside: avoid; }
  section.recommendation { break-before: auto; }
}
`;

const statusClass = (row: ActionRow): string[] => ['status', ...(row.status ? [`status-${row.status.replace(' ', '-')}`] : [])];

function dueText(row: ActionRow): string {
  const due = row.due.date ? formatDate(row.due.date) : row.due.text;
  return row.daysOverdue > 0 ? `${due} (overdue by ${row.daysOverdue} day${row.daysOverdue === 1 ? '' : 's'})` : due;
}

function actionTable(rows: readonly ActionRow[]): Element {
  const headers = ['ID', 'Action', 'Owner', 'Due', 'Status', 'Measure', 'Evidence', 'SMART', 'Problems'];
  return h(
    'table',
    { className: ['actions'] },
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { id: `action-${row.actionId}` },
          h('td', {}, row.actionId),
          h('td', {}, row.statement),
          h('td', {}, row.owner),
          h('td', {}, dueText(row)),
          h('td', { className: statusClass(row) }, statusCell(row)),
          h('td', {}, lines(row.measure)),
          h('td', {}, lines(row.evidence)),
          h('td', { title: row.smart.failed.length > 0 ? `Not ${row.smart.failed.join(', ')}` : 'Passes every SMART check' }, smartCell(row)),
          h('td', { className: ['problems'] }, lines(problemsCell(row))),
        ),
      ),
    ),
  );
}

export function planToHtml(data: PlanExport): string {
  const { metadata, counts } = data;
  const title = metadata.title ?? 'Improvement plan';
  const details = detailRows(metadata);
  const smartNames = SMART_LETTERS.map(({ letter, name }) => `${letter} ${name}`).join(', ');
  const body = h(
    'body',
    {},
    h(
      'header',
      {},
      h('h1', {}, title),
      h(
        'dl',
        { className: ['metadata'] },
        details.filter(([, value]) => value !== undefined).flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
      ),
    ),
    h(
      'section',
      { className: ['summary'] },
      h('h2', {}, 'Summary'),
      h('p', {}, summarySentence(data)),
      h(
        'table',
        { className: ['counts'] },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Actions'))),
        h(
          'tbody',
          {},
          STATUS_ORDER.map((status) =>
            h(
              'tr',
              {},
              h('td', { className: status === 'none' ? ['status'] : ['status', `status-${status.replace(' ', '-')}`] }, statusName(status)),
              h('td', { className: ['number'] }, String(counts.byStatus[status])),
            ),
          ),
          h('tr', {}, h('td', {}, 'Overdue'), h('td', { className: ['number'] }, String(counts.overdue))),
          h('tr', {}, h('th', { scope: 'row' }, 'All actions'), h('td', { className: ['number'] }, String(counts.actions))),
        ),
      ),
      h('p', {}, `SMART: how many of ${smartNames} an action passes in the checker.`),
    ),
    h(
      'main',
      {},
      h('h2', {}, 'Recommendations and actions'),
      data.recommendations.map((recommendation) =>
        h(
          'section',
          { className: ['recommendation'], id: `recommendation-${recommendation.id}` },
          h('h3', {}, recommendation.title ? `${recommendation.id} ${recommendation.title}` : recommendation.id),
          recommendation.text !== '' && h('p', { className: ['recommendation-text'] }, recommendation.text),
          recommendation.actions.length > 0 ? actionTable(recommendation.actions) : h('p', {}, 'No action addresses this recommendation yet.'),
        ),
      ),
      data.otherActions.length > 0 &&
        h('section', { className: ['recommendation'] }, h('h3', {}, 'Actions that address no recommendation'), actionTable(data.otherActions)),
    ),
  );
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: 'en-GB' },
        h(
          'head',
          {},
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: ['Content-Security-Policy'], content: CONTENT_SECURITY_POLICY }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'Improvement Plan' }),
          h('title', {}, title),
          h('style', {}, STYLE),
        ),
        body,
      ),
    ],
  };
  return unified().use(rehypeStringify).stringify(tree) + '\n';
}
