/**
 * A PDF's positioned text items, page by page, through unpdf (PDF.js). A module of its own:
 * scripts/build.mjs bundles it apart (dist/pdf.cjs, PDF.js is 1.7 MB), loaded on the first PDF import.
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import type { PositionedItem } from '../engine/import/pdfLayout.js';

export type PdfItems = { pages: PositionedItem[][] } | { tooManyPages: number };

export async function readPdfItems(bytes: Uint8Array, maxPages: number): Promise<PdfItems> {
  // Verbosity 0: errors only. PDF.js prints warnings with console.log, which is the protocol's channel in a stdio server.
  // PDF.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    if (document.numPages > maxPages) return { tooManyPages: document.numPages };
    const { items } = await extractTextItems(document);
    return { pages: items as PositionedItem[][] };
  } finally {
    await document.loadingTask.destroy();
  }
}
