/// <reference types="jest" />
import fc from 'fast-check';
import { importProgress } from './importProgress';

describe('importProgress', () => {
  it('fills the bar while the file is read, then by phase, and ends at 100%', () => {
    expect(importProgress({ status: 'queued', phase: null, rowsTotal: 0, rowsDone: 0 })).toEqual({ step: 'queued', percent: 0, active: true });
    expect(importProgress({ status: 'running', phase: 'reading', rowsTotal: 200_000, rowsDone: 50_000 })).toEqual({ step: 'reading', percent: 20, active: true });
    expect(importProgress({ status: 'running', phase: 'checking', rowsTotal: 10, rowsDone: 10 })).toEqual({ step: 'checking', percent: 85, active: true });
    expect(importProgress({ status: 'running', phase: 'applying', rowsTotal: 10, rowsDone: 10 })).toEqual({ step: 'applying', percent: 90, active: true });
    expect(importProgress({ status: 'done', phase: null, rowsTotal: 10, rowsDone: 10 })).toEqual({ step: 'done', percent: 100, active: false });
  });

  it('stops polling on failure and keeps the bar where it was', () => {
    expect(importProgress({ status: 'failed', phase: null, rowsTotal: 100, rowsDone: 50 })).toEqual({ step: 'failed', percent: 40, active: false });
  });

  it('never leaves 0–100 and never goes back while rows are read', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000_000), (total, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const p1 = importProgress({ status: 'running', phase: 'reading', rowsTotal: total, rowsDone: lo }).percent;
        const p2 = importProgress({ status: 'running', phase: 'reading', rowsTotal: total, rowsDone: hi }).percent;
        return p1 >= 0 && p2 <= 80 && p1 <= p2;
      }),
    );
  });
});
