import { FRAUD_STATUS, FraudStatus } from './fraud';
import type { Lang } from './enum';

// Triage of a scam report: new → investigating → referred_police | closed, and a
// closed or referred case can be reopened (→ investigating) when the resident calls
// again. Nothing else: a report is looked at before it is closed or sent to the police.
export const FRAUD_TRANSITIONS: Readonly<Record<FraudStatus, readonly FraudStatus[]>> = {
  new: ['investigating'],
  investigating: ['referred_police', 'closed'],
  referred_police: ['investigating'],
  closed: ['investigating'],
};

/** Every report starts here. */
export const FRAUD_INITIAL_STATUS: FraudStatus = 'new';

export function nextFraudStatuses(from: FraudStatus): readonly FraudStatus[] {
  return FRAUD_TRANSITIONS[from] ?? [];
}

export function canTransitionFraud(from: FraudStatus, to: FraudStatus): boolean {
  return nextFraudStatuses(from).includes(to);
}

/** A reopen goes back from a finished state (closed, referred) to investigating. */
export function isFraudReopen(from: FraudStatus, to: FraudStatus): boolean {
  return (from === 'closed' || from === 'referred_police') && to === 'investigating';
}

/** Why a change is refused, naming the steps that are allowed from here. */
export function fraudTransitionRefusal(from: FraudStatus, to: FraudStatus, lang: Lang = 'ja'): string {
  const next = nextFraudStatuses(from).map((s) => FRAUD_STATUS.label(s, lang));
  if (lang === 'en') {
    return `The status cannot change from "${FRAUD_STATUS.label(from, 'en')}" to "${FRAUD_STATUS.label(to, 'en')}". Allowed next: ${next.join(', ')}.`;
  }
  return `状態を「${FRAUD_STATUS.label(from)}」から「${FRAUD_STATUS.label(to)}」へは変更できません。次に選べる状態: ${next.map((n) => `「${n}」`).join('、')}。`;
}
