// Arrow keys inside a composite widget (issue #23): the heatmap and the chip groups are
// one Tab stop each; the arrows move within them (WAI-ARIA APG grid, radio group and
// toolbar patterns). Pure: which cell or item the key moves to, or null for other keys.

/** In a row of `count` items: ←/↑ previous, →/↓ next (wrapping round), Home first, End last. */
export function moveInList(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface Cell {
  row: number;
  col: number;
}

/** In a grid of `rows` × `cols`: the arrows stop at the edges, Home/End the row's ends, Ctrl+Home/End the grid's corners. */
export function moveInGrid(key: string, at: Cell, rows: number, cols: number, ctrl = false): Cell | null {
  if (rows <= 0 || cols <= 0) return null;
  const clamp = (c: Cell): Cell => ({ row: Math.max(0, Math.min(rows - 1, c.row)), col: Math.max(0, Math.min(cols - 1, c.col)) });
  switch (key) {
    case 'ArrowLeft':
      return clamp({ row: at.row, col: at.col - 1 });
    case 'ArrowRight':
      return clamp({ row: at.row, col: at.col + 1 });
    case 'ArrowUp':
      return clamp({ row: at.row - 1, col: at.col });
    case 'ArrowDown':
      return clamp({ row: at.row + 1, col: at.col });
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row: at.row, col: cols - 1 };
    default:
      return null;
  }
}
