/**
 * The dashboard webview's script: RAG counts (cards and a doughnut), the coverage matrix
 * (recommendations by actions, an HTML table) and a timeline of due dates by owner (a scatter
 * chart, overdue actions marked). Charts are Chart.js, bundled into this script; only the parts
 * used are registered. Everything from the plan is put in as text (textContent), never as HTML.
 * Colours come from the theme's --vscode-* variables and follow theme changes.
 */
import {
  ArcElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { DashboardAction, DashboardData, Status } from '../../server/src/preview/types.js';
import type { DashboardMessage } from './messages.js';
import { lineAt, listen, showError, vscode } from './vscodeApi.js';

Chart.register(DoughnutController, ArcElement, ScatterController, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

type StatusKey = Status | 'none';
const STATUSES: readonly { key: StatusKey; label: string; short: string; colour: string }[] = [
  { key: 'not started', label: 'Not started', short: 'NS', colour: '--vscode-descriptionForeground' },
  { key: 'red', label: 'Red', short: 'R', colour: '--vscode-charts-red' },
  { key: 'amber', label: 'Amber', short: 'A', colour: '--vscode-charts-yellow' },
  { key: 'green', label: 'Green', short: 'G', colour: '--vscode-charts-green' },
  { key: 'blue', label: 'Blue (complete)', short: 'B', colour: '--vscode-charts-blue' },
  { key: 'none', label: 'No status', short: '?', colour: '--vscode-disabledForeground' },
];
const DAY_MS = 86_400_000;

const root = document.getElementById('dashboard')!;
const charts: { destroy(): void }[] = [];
let latest: DashboardData | undefined;

listen<DashboardMessage>((message) => {
  if (message.type === 'error') {
    destroyCharts();
    showError(root, message.message);
    return;
  }
  latest = message.data;
  render(message.data);
});

// The theme changes the body's classes (vscode-light, vscode-dark, ...): redraw in its colours.
new MutationObserver(() => latest && render(latest)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

root.addEventListener('click', (event) => {
  const line = lineAt(event.target);
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});

function render(data: DashboardData): void {
  destroyCharts();
  const scrollTop = window.scrollY;
  const title = el('h1', {}, data.title ?? 'Improvement plan');
  const asOf = el('p', { className: 'plan-as-of' }, `Overdue is judged against ${data.asOfText}${data.undated > 0 ? ` · ${plural(data.undated, 'action')} with no readable due date` : ''}.`);
  root.replaceChildren(title, asOf, countsSection(data), coverageSection(data), timelineSection(data));
  window.scrollTo(0, scrollTop);
}

function countsSection(data: DashboardData): HTMLElement {
  const cards = el('div', { className: 'plan-cards' });
  cards.append(card('Actions', data.counts.actions, 'plan-card-total'), card('Overdue', data.counts.overdue, data.counts.overdue > 0 ? 'plan-card-overdue' : ''));
  for (const status of STATUSES) cards.append(card(status.label, data.counts.byStatus[status.key], `plan-card-${cssName(status.key)}`));
  const canvas = el('canvas', { ariaLabel: 'Actions by RAG status' });
  const chartBox = el('div', { className: 'plan-chart plan-chart-doughnut' }, canvas);
  const shown = STATUSES.filter((status) => data.counts.byStatus[status.key] > 0);
  if (shown.length > 0) {
    const config: ChartConfiguration<'doughnut'> = {
      type: 'doughnut',
      data: {
        labels: shown.map((status) => status.label),
        datasets: [{ data: shown.map((status) => data.counts.byStatus[status.key]), backgroundColor: shown.map((status) => colour(status.colour)), borderColor: colour('--vscode-editor-background'), borderWidth: 2 }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right', labels: { color: colour('--vscode-foreground') } } } },
    };
    charts.push(new Chart(canvas, config));
  }
  return section('RAG status', cards, shown.length > 0 ? chartBox : el('p', {}, 'No actions yet.'));
}

function coverageSection(data: DashboardData): HTMLElement {
  if (data.coverage.length === 0) return section('Coverage', el('p', {}, 'The plan declares no recommendations.'));
  const table = el('table', { className: 'plan-coverage' });
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Recommendation'));
  data.actions.forEach((action) => head.append(el('th', { scope: 'col', className: 'plan-action-column', title: `${action.id} ${action.statement}`, dataset: { line: String(action.line) } }, el('span', {}, action.id))));
  head.append(el('th', { scope: 'col' }, 'Actions'));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const covered = new Set<number>();
  for (const row of data.coverage) {
    const rowHead = el('th', { scope: 'row', title: row.title, ...(row.line !== null ? { dataset: { line: String(row.line) } } : {}) }, `${row.id} ${row.title}`);
    const tr = el('tr', { className: row.cells.length === 0 ? 'plan-uncovered' : '' }, rowHead);
    const cells = new Map(row.cells.map((cell) => [cell.action, cell]));
    data.actions.forEach((action, index) => {
      const cell = cells.get(index);
      if (!cell) {
        tr.append(el('td'));
        return;
      }
      covered.add(index);
      tr.append(statusCell(action, cell.viaLinks));
    });
    tr.append(el('td', { className: 'plan-count' }, row.cells.length === 0 ? 'none' : String(row.cells.length)));
    body.append(tr);
  }
  const orphans = data.actions.map((_, index) => index).filter((index) => !covered.has(index));
  if (orphans.length > 0) {
    const tr = el('tr', { className: 'plan-orphans' }, el('th', { scope: 'row' }, 'Addressing no recommendation'));
    data.actions.forEach((action, index) => tr.append(orphans.includes(index) ? statusCell(action, false) : el('td')));
    tr.append(el('td', { className: 'plan-count' }, String(orphans.length)));
    body.append(tr);
  }
  table.append(body);
  const legend = el('p', { className: 'plan-legend' }, 'Each cell is an action addressing the recommendation, with its RAG status; a dashed cell addresses it through Links. Click a cell or heading to go to it.');
  return section('Coverage: recommendations by actions', el('div', { className: 'plan-table-scroll' }, table), legend);
}

function statusCell(action: DashboardAction, viaLinks: boolean): HTMLElement {
  const status = STATUSES.find((candidate) => candidate.key === (action.status ?? 'none'))!;
  const late = action.daysOverdue > 0 ? `, overdue by ${plural(action.daysOverdue, 'day')}` : '';
  return el(
    'td',
    { className: `plan-cell plan-rag-${cssName(status.key)}${viaLinks ? ' plan-via-links' : ''}${late ? ' plan-overdue' : ''}`, title: `${action.id} ${action.statement}: ${status.label}${late}${viaLinks ? ' (through Links)' : ''}`, dataset: { line: String(action.line) } },
    status.short,
  );
}

function timelineSection(data: DashboardData): HTMLElement {
  if (data.timeline.length === 0) return section('Timeline', el('p', {}, 'No action has a readable due date yet.'));
  const canvas = el('canvas', { ariaLabel: 'Due dates by owner' });
  const box = el('div', { className: 'plan-chart plan-chart-timeline' }, canvas);
  box.style.height = `${Math.max(160, data.timeline.length * 34 + 90)}px`;
  const owners = data.timeline.map((lane) => lane.owner);
  type Point = { x: number; y: string; action: number };
  const point = (owner: string, item: { action: number; due: string }): Point => ({ x: Date.parse(item.due), y: owner, action: item.action });
  const items = data.timeline.flatMap((lane) => lane.items.map((item) => ({ owner: lane.owner, item })));
  const onTime = STATUSES.map((status) => ({
    label: status.label,
    data: items.filter(({ item }) => !item.overdue && (data.actions[item.action]!.status ?? 'none') === status.key).map(({ owner, item }) => point(owner, item)),
    backgroundColor: colour(status.colour),
    borderColor: colour(status.colour),
    pointStyle: 'circle' as const,
    pointRadius: 6,
  })).filter((dataset) => dataset.data.length > 0);
  const overdue = {
    label: 'Overdue',
    data: items.filter(({ item }) => item.overdue).map(({ owner, item }) => point(owner, item)),
    backgroundColor: colour('--vscode-errorForeground'),
    borderColor: colour('--vscode-errorForeground'),
    pointStyle: 'triangle' as const,
    pointRadius: 8,
  };
  const asOf = Date.parse(data.asOf);
  const foreground = colour('--vscode-foreground');
  const grid = colour('--vscode-charts-lines');
  const datasets = [...onTime, ...(overdue.data.length > 0 ? [overdue] : [])];
  const config: ChartConfiguration<'scatter', Point[], string> = {
    type: 'scatter',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          type: 'linear',
          min: Math.min(asOf, ...items.map(({ item }) => Date.parse(item.due))) - 15 * DAY_MS,
          max: Math.max(asOf, ...items.map(({ item }) => Date.parse(item.due))) + 15 * DAY_MS,
          ticks: { color: foreground, callback: (value) => monthYear(Number(value)) },
          grid: { color: grid },
        },
        y: { type: 'category', labels: owners, offset: true, ticks: { color: foreground }, grid: { color: grid } },
      },
      plugins: {
        legend: { labels: { color: foreground, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (context) => {
              const action = data.actions[(context.raw as Point).action]!;
              const late = action.daysOverdue > 0 ? `, overdue by ${plural(action.daysOverdue, 'day')}` : '';
              return `${action.id} ${action.statement} (due ${action.dueText}${late})`;
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (!hit) return;
        const raw = datasets[hit.datasetIndex]?.data[hit.index];
        if (raw) vscode.postMessage({ type: 'reveal', line: data.actions[raw.action]!.line });
      },
    },
    plugins: [asOfLine(asOf, colour('--vscode-editorWarning-foreground'))],
  };
  charts.push(new Chart(canvas, config));
  return section('Timeline: due dates by owner', box, el('p', { className: 'plan-legend' }, `The vertical line is ${data.asOfText}; triangles are overdue actions. Click a point to go to the action.`));
}

/** Draws the as-of date as a vertical line across the chart area. */
function asOfLine(asOf: number, stroke: string): Plugin<'scatter'> {
  return {
    id: 'planAsOf',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x!.getPixelForValue(asOf);
      const { top, bottom } = chart.chartArea;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = stroke;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}

function destroyCharts(): void {
  charts.splice(0).forEach((chart) => chart.destroy());
}

function section(heading: string, ...children: Node[]): HTMLElement {
  return el('section', {}, el('h2', {}, heading), ...children);
}

function card(label: string, value: number, className: string): HTMLElement {
  return el('div', { className: `plan-card ${className}` }, el('span', { className: 'plan-card-value' }, String(value)), el('span', { className: 'plan-card-label' }, label));
}

/** A theme colour by its CSS variable, with a neutral fallback when the theme lacks it. */
function colour(variable: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || '#888888';
}

const cssName = (status: StatusKey): string => (status === 'not started' ? 'not-started' : status);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const monthYear = (ms: number): string => new Date(ms).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

interface ElementOptions {
  className?: string;
  title?: string;
  scope?: string;
  ariaLabel?: string;
  dataset?: Record<string, string>;
}

/** An element with text or element children: text always goes in as text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.title) element.title = options.title;
  if (options.scope) element.setAttribute('scope', options.scope);
  if (options.ariaLabel) element.setAttribute('aria-label', options.ariaLabel);
  for (const [key, value] of Object.entries(options.dataset ?? {})) element.dataset[key] = value;
  element.append(...children);
  return element;
}
