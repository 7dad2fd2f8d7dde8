import { RequestedItem, Severity } from './fraud';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2 };

// What the city page says staff never do. Asking for these means the resident's
// money is directly at risk: money or a fee, the passbook or cash card, the PIN.
export const HIGH_RISK_ITEMS: readonly RequestedItem[] = ['money_or_fee', 'passbook_or_cash_card', 'pin'];
// Personal information that feeds a later scam (who has savings, who lives alone).
export const PERSONAL_INFO_ITEMS: readonly RequestedItem[] = ['my_number', 'bank_account', 'assets', 'family'];

export interface SeverityFacts {
  damageYen: number;
  requestedItems: readonly RequestedItem[];
}

/**
 * The rule's severity, and the floor staff may not go below:
 * high when there was damage or money, a passbook/cash card or a PIN was asked for;
 * medium when personal information was asked for; low otherwise.
 */
export function defaultFraudSeverity(facts: SeverityFacts): Severity {
  if (facts.damageYen > 0 || facts.requestedItems.some((i) => HIGH_RISK_ITEMS.includes(i))) return 'high';
  if (facts.requestedItems.some((i) => PERSONAL_INFO_ITEMS.includes(i))) return 'medium';
  return 'low';
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** Severities staff may choose for these facts: the rule's default and above. */
export function allowedSeverities(facts: SeverityFacts): Severity[] {
  const floor = SEVERITY_RANK[defaultFraudSeverity(facts)];
  return (Object.keys(SEVERITY_RANK) as Severity[]).filter((s) => SEVERITY_RANK[s] >= floor);
}

export function isSeverityAllowed(severity: Severity, facts: SeverityFacts): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[defaultFraudSeverity(facts)];
}
