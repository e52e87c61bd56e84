/**
 * Go to definition: from a recommendation ID (in a heading or a Links field) or an action ID to the
 * heading that declares it, in this plan or in the plan named by `recommendations:`. A duplicated
 * ID has several definitions.
 */
import type { Location, LocationLink } from 'vscode-languageserver';
import { definitionsOf, elementRange, idOccurrenceAt } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { navigationRequest, safely, toLocation, toLspRange } from './navigationSupport.js';

export const definitionFeature: LspFeature = {
  capabilities: () => ({ definitionProvider: true }),
  register(context) {
    const linkSupport = context.clientCapabilities.textDocument?.definition?.linkSupport === true;
    context.connection.onDefinition((params) =>
      safely<Location[] | LocationLink[] | null>(context, 'Go to definition', null, async () => {
        const request = await navigationRequest(context, params.textDocument.uri, params.position, false);
        const occurrence = request && idOccurrenceAt(request.source.plan, request.offset);
        if (!request || !occurrence) return null;
        const definitions = definitionsOf(request.plans, request.source, occurrence);
        if (!linkSupport) return definitions.map((definition) => toLocation(request.plans, definition)).filter((location): location is Location => !!location);
        const links: LocationLink[] = [];
        for (const { source, occurrence: declaration } of definitions) {
          const target = request.plans.entry(source.key);
          if (!target) continue;
          links.push({
            originSelectionRange: toLspRange(request.entry.lines, occurrence.range),
            targetUri: target.uri,
            targetRange: toLspRange(target.lines, elementRange(source.plan, declaration.element)),
            targetSelectionRange: toLspRange(target.lines, declaration.range),
          });
        }
        return links;
      }),
    );
  },
};
