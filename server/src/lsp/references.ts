/**
 * Find references: every heading and Links entry that names the same recommendation, in this plan,
 * in its recommendations file and in every plan of the workspace that uses that file; for an
 * action, its heading (the dialect has no other mention of actions).
 */
import type { Location } from 'vscode-languageserver';
import { idOccurrenceAt, referencesOf } from '../engine/index.js';
import type { LspFeature } from './context.js';
import { navigationRequest, safely, toLocation } from './navigationSupport.js';

export const referencesFeature: LspFeature = {
  capabilities: () => ({ referencesProvider: true }),
  register(context) {
    context.connection.onReferences((params) =>
      safely<Location[] | null>(context, 'Find references', null, async () => {
        const request = await navigationRequest(context, params.textDocument.uri, params.position, true);
        const occurrence = request && idOccurrenceAt(request.source.plan, request.offset);
        if (!request || !occurrence) return null;
        return referencesOf(request.plans, request.source, occurrence, params.context?.includeDeclaration !== false)
          .map((reference) => toLocation(request.plans, reference))
          .filter((location): location is Location => !!location);
      }),
    );
  },
};
