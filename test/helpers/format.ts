/** Diagnostics as the lines the docs show: `line:column-line:column code message`. */
import { locate, type PlanDiagnostic } from '../../server/src/engine/index.js';

export function formatDiagnostics(text: string, diagnostics: readonly PlanDiagnostic[]): string[] {
  const location = locate(text);
  return diagnostics.map((d) => {
    const start = location.pointOf(d.range.start);
    const end = location.pointOf(d.range.end);
    return `${start.line}:${start.column}-${end.line}:${end.column} ${d.code} ${d.message}`;
  });
}
