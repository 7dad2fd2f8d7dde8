import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { moveInGrid, moveInList } from './roving';

describe('moveInList', () => {
  it('moves with the arrows, wrapping round, and jumps with Home and End', () => {
    expect(moveInList('ArrowRight', 0, 3)).toBe(1);
    expect(moveInList('ArrowDown', 2, 3)).toBe(0);
    expect(moveInList('ArrowLeft', 0, 3)).toBe(2);
    expect(moveInList('ArrowUp', 1, 3)).toBe(0);
    expect(moveInList('Home', 2, 3)).toBe(0);
    expect(moveInList('End', 0, 3)).toBe(2);
  });

  it('leaves other keys (Tab, Space, Enter) to the browser and the form', () => {
    for (const key of ['Tab', ' ', 'Enter', 'a']) expect(moveInList(key, 1, 3)).toBeNull();
  });

  it('always lands on an item', () => {
    fc.assert(
      fc.property(fc.constantFrom('ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'), fc.integer({ min: 1, max: 30 }), fc.nat(), (key, count, i) => {
        const next = moveInList(key, i % count, count)!;
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(count);
      }),
    );
  });
});

describe('moveInGrid', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid('ArrowRight', { row: 0, col: 0 }, 5, 10)).toEqual({ row: 0, col: 1 });
    expect(moveInGrid('ArrowDown', { row: 0, col: 3 }, 5, 10)).toEqual({ row: 1, col: 3 });
    expect(moveInGrid('ArrowLeft', { row: 2, col: 0 }, 5, 10)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid('ArrowDown', { row: 4, col: 9 }, 5, 10)).toEqual({ row: 4, col: 9 });
  });

  it('goes to the row ends with Home/End and to the corners with Ctrl', () => {
    expect(moveInGrid('Home', { row: 2, col: 5 }, 5, 10)).toEqual({ row: 2, col: 0 });
    expect(moveInGrid('End', { row: 2, col: 5 }, 5, 10)).toEqual({ row: 2, col: 9 });
    expect(moveInGrid('Home', { row: 2, col: 5 }, 5, 10, true)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid('End', { row: 2, col: 5 }, 5, 10, true)).toEqual({ row: 4, col: 9 });
  });

  it('leaves other keys alone', () => {
    expect(moveInGrid('Tab', { row: 0, col: 0 }, 5, 10)).toBeNull();
    expect(moveInGrid('Enter', { row: 0, col: 0 }, 5, 10)).toBeNull();
  });
});
