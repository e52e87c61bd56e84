/** Comparing owners with each other and with the register. */

// Values that stand in for an owner without naming one.
const PLACEHOLDER = /^(?:tbc|tbd|tba|\?+|n\/?a|-+|none|unknown|to be confirmed|to be agreed|various|all)\.?$/i;

export const isPlaceholderOwner = (owner: string): boolean => PLACEHOLDER.test(owner.trim());

/** The form two owners are compared in: case, spacing and trailing punctuation do not matter. */
export const ownerKey = (owner: string): string => owner.replace(/\s+/g, ' ').replace(/[.;,]+$/, '').trim().toLowerCase();
