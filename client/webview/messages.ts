/**
 * The messages between the extension and its webviews. Types only: the extension (client/src/webviews)
 * and the webview scripts (client/webview) both import this file.
 */
import type { DashboardData } from '../../server/src/preview/types.js';

/** Extension → preview webview. */
export type PreviewMessage =
  /** New content; `line` is the editor's top visible line, to scroll to. */
  | { type: 'render'; html: string; version: number; line: number | undefined }
  /** The editor scrolled: its top visible line (0-based). */
  | { type: 'scroll'; line: number }
  | { type: 'error'; message: string };

/** Extension → dashboard webview. */
export type DashboardMessage = { type: 'data'; data: DashboardData } | { type: 'error'; message: string };

/** Webview → extension. */
export type WebviewReply =
  /** The script is listening: send the content. */
  | { type: 'ready' }
  /** Show this 0-based line of the plan in its editor. */
  | { type: 'reveal'; line: number }
  /** A link was clicked; only http(s) and mailto links are opened, outside VS Code. */
  | { type: 'openLink'; href: string };
