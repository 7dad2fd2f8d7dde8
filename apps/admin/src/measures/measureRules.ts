/** A budget is kept (and required) when a prefecture or the municipality pays. */
export const hasOwnBudget = (fundedBy: unknown): boolean => fundedBy === 'prefecture' || fundedBy === 'municipality';
