import type { ImportStatus } from '@mynapoint/domain';

export type ImportPhase = 'reading' | 'checking' | 'applying';
export type ImportStep = 'queued' | ImportPhase | 'done' | 'failed';

export interface ImportProgressInput {
  status: ImportStatus;
  phase: ImportPhase | null;
  rowsTotal: number;
  rowsDone: number;
}

export interface ImportProgressView {
  step: ImportStep;
  /** 0–100 for the bar. */
  percent: number;
  /** True while the job is still moving (the page keeps polling). */
  active: boolean;
}

// Reading the file (rows counted as they stream in) fills the bar to 80%; checking
// and applying the rules, set-based, move it to 85% and 90%; done is 100%.
const READING_SHARE = 80;

export function importProgress(r: ImportProgressInput): ImportProgressView {
  if (r.status === 'done') return { step: 'done', percent: 100, active: false };
  if (r.status === 'queued') return { step: 'queued', percent: 0, active: true };
  const read = r.rowsTotal > 0 ? Math.min(1, r.rowsDone / r.rowsTotal) : 0;
  if (r.status === 'failed') return { step: 'failed', percent: Math.floor(read * READING_SHARE), active: false };
  switch (r.phase) {
    case 'checking':
      return { step: 'checking', percent: 85, active: true };
    case 'applying':
      return { step: 'applying', percent: 90, active: true };
    default:
      return { step: 'reading', percent: Math.floor(read * READING_SHARE), active: true };
  }
}
