/** The export formats, their names and file extensions: shared by the CLI, the server and the client. */

export const EXPORT_FORMATS = ['xlsx', 'docx', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: unknown): value is ExportFormat => (EXPORT_FORMATS as readonly unknown[]).includes(value);

/** What each format is called in menus and messages. */
export const EXPORT_FORMAT_NAMES: Record<ExportFormat, string> = {
  xlsx: 'Excel workbook',
  docx: 'Word report',
  html: 'Web page',
  csv: 'CSV table',
};
