/**
 * Reading an Ofsted report for import, for the CLI and the server: a `.txt` file (pdftotext's
 * output, or text saved from the report) or the report's `.pdf`, whose text is laid out from
 * unpdf's positioned text items (PDF.js) as pdftotext would print it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importPlan, type ImportedPlan, type ImportOptions } from '../engine/import/index.js';
import { layoutText } from '../engine/import/pdfLayout.js';

/** Ofsted's reports are well under 5 MB as PDFs and 200 KB as text. */
export const MAX_PDF_BYTES = 30 * 1024 * 1024;
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** A PDF longer than this is not a report, and reading it would take a long time. */
const MAX_PAGES = 300;

export type ReportText = { text: string } | { problem: string };

const megabytes = (bytes: number): string => `${bytes / 1024 / 1024} MB`;

/** The report's text, or a problem to show the user. */
export async function readReportFile(file: string): Promise<ReportText> {
  const name = path.basename(file);
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.pdf' && extension !== '.txt') {
    return { problem: `${name} is not a report this can read: choose the report's .pdf file, or a .txt file of its text.` };
  }
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { problem: `${name} is not a file.` };
    const limit = extension === '.pdf' ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
    if (info.size > limit) return { problem: `${name} is larger than ${megabytes(limit)}: an Ofsted report is much smaller. Check that this is the right file.` };
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `${file} does not exist.` : `${name} cannot be read (${code ?? String(error)}).` };
  }
  return extension === '.pdf' ? pdfText(bytes, name) : plainText(bytes, name);
}

/** Text files: UTF-8 (a byte order mark is dropped); a file with NUL bytes is not text. */
export function plainText(bytes: Uint8Array, name: string): ReportText {
  if (bytes.includes(0)) return { problem: `${name} is not a text file: choose the report's .pdf file, or save its text as plain text.` };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

/** A PDF's text, page by page, laid out from its positioned items. */
export async function pdfText(bytes: Uint8Array, name: string): Promise<ReportText> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    return { problem: `${name} is not a PDF file (it does not start as one).` };
  }
  let text: string;
  try {
    // scripts/build.mjs points this import at dist/pdf.cjs, a bundle of its own.
    const { readPdfItems } = await import('./pdfItems.js');
    const read = await readPdfItems(bytes, MAX_PAGES);
    if ('tooManyPages' in read) return { problem: `${name} has ${read.tooManyPages} pages: an Ofsted report has far fewer.` };
    text = layoutText(read.pages);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `${name} could not be read as a PDF: ${reason}` };
  }
  if (text.trim() === '') return { problem: `${name} has no text to read: it may be a scanned image. Paste the report's text instead.` };
  return { text };
}

/** Reads a report file and writes its plan skeleton, or says why it cannot. */
export async function importReportFile(file: string, options: ImportOptions = {}): Promise<ImportedPlan | { problem: string }> {
  const read = await readReportFile(file);
  return 'problem' in read ? read : importPlan(read.text, options);
}
