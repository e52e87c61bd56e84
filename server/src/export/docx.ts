/**
 * The DOCX export (the docx package): a report for a committee or improvement board. The plan's
 * title and details, a summary paragraph, a table of RAG counts, then each recommendation with its
 * text and a table of its actions (ID, action, owner, due, status in a shaded cell, measure).
 * Landscape A4, so that the action tables have room.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDate } from '../engine/dates.js';
import {
  detailRows,
  STATUS_COLOURS,
  STATUS_ORDER,
  statusCell,
  statusName,
  summarySentence,
  type ActionRow,
  type PlanExport,
} from './rows.js';

const HEADER_FILL = '1F3864';

/** Paragraphs for a text, one a line; a cell needs at least one paragraph. */
const paragraphs = (text: string, bold = false, colour?: string): Paragraph[] =>
  text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, color: colour })] }));

function cell(text: string, options: { fill?: string; bold?: boolean; colour?: string; width?: number } = {}): TableCell {
  return new TableCell({
    children: paragraphs(text, options.bold, options.colour),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

const headerRow = (headers: readonly (readonly [string, number])[]): TableRow =>
  new TableRow({ tableHeader: true, children: headers.map(([header, width]) => cell(header, { fill: HEADER_FILL, bold: true, colour: 'FFFFFF', width })) });

const fullWidth = { size: 100, type: WidthType.PERCENTAGE } as const;

function dueText(row: ActionRow): string {
  const due = row.due.date ? formatDate(row.due.date) : row.due.text;
  return row.daysOverdue > 0 ? `${due}\noverdue by ${row.daysOverdue} day${row.daysOverdue === 1 ? '' : 's'}` : due;
}

function actionTable(rows: readonly ActionRow[]): Table {
  return new Table({
    width: fullWidth,
    rows: [
      headerRow([
        ['ID', 7],
        ['Action', 33],
        ['Owner', 16],
        ['Due', 11],
        ['Status', 9],
        ['Measure', 24],
      ]),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(row.actionId, { bold: true }),
              cell(row.statement),
              cell(row.owner),
              cell(dueText(row)),
              cell(statusCell(row), row.status ? { fill: STATUS_COLOURS[row.status], bold: true } : {}),
              cell(row.measure),
            ],
          }),
      ),
    ],
  });
}

function countsTable(data: PlanExport): Table {
  const { counts } = data;
  return new Table({
    width: { size: 40, type: WidthType.PERCENTAGE },
    rows: [
      headerRow([
        ['Status', 70],
        ['Actions', 30],
      ]),
      ...STATUS_ORDER.map(
        (status) =>
          new TableRow({
            children: [cell(statusName(status), status === 'none' ? {} : { fill: STATUS_COLOURS[status], bold: true }), cell(String(counts.byStatus[status]))],
          }),
      ),
      new TableRow({ children: [cell('Overdue', { bold: true }), cell(String(counts.overdue))] }),
      new TableRow({ children: [cell('All actions', { bold: true }), cell(String(counts.actions), { bold: true })] }),
    ],
  });
}

export async function planToDocx(data: PlanExport): Promise<Uint8Array> {
  const { metadata } = data;
  const title = metadata.title ?? 'Improvement plan';
  const details = detailRows(metadata);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    ...details
      .filter((detail): detail is [string, string] => detail[1] !== undefined)
      .map(([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })),
    new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: summarySentence(data), spacing: { after: 200 } }),
    countsTable(data),
    new Paragraph({ text: 'Recommendations and actions', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
  ];
  for (const recommendation of data.recommendations) {
    children.push(new Paragraph({ text: recommendation.title ? `${recommendation.id} ${recommendation.title}` : recommendation.id, heading: HeadingLevel.HEADING_2, keepNext: true }));
    if (recommendation.text) children.push(new Paragraph({ children: [new TextRun({ text: recommendation.text, italics: true })], keepNext: true, spacing: { after: 120 } }));
    children.push(recommendation.actions.length > 0 ? actionTable(recommendation.actions) : new Paragraph('No action addresses this recommendation yet.'));
  }
  if (data.otherActions.length > 0) {
    children.push(new Paragraph({ text: 'Actions that address no recommendation', heading: HeadingLevel.HEADING_2, keepNext: true }), actionTable(data.otherActions));
  }
  children.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 240 }, children: [new TextRun({ text: 'Exported by the Improvement Plan checker.', italics: true, size: 16 })] }));

  const document = new Document({
    creator: 'Improvement Plan',
    title,
    description: `Improvement plan report, progress as of ${formatDate(metadata.asOf)}`,
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
