const FONT_FACE = /@font-face\s*\{[^}]*\}/g;

/**
 * Noto Sans JP's @font-face rules (one per character subset and weight, each with a
 * long unicode-range) are most of the first load's CSS. fontsource lists every 400
 * rule, then every 700 one: each range comes twice, 100 KB apart, beyond gzip's 32 KB
 * window. Side by side, the second copy costs a few bytes (the CSS gzipped: 66 → 38 KB).
 * The same rules, in place of the first: their order does not matter, as no two share
 * a weight and a range (and those that share a range keep their order).
 */
export function groupFontFaces(css: string): string {
  const faces = css.match(FONT_FACE) ?? [];
  if (faces.length < 2) return css;
  const byRange = new Map<string, string[]>();
  for (const face of faces) {
    const range = /unicode-range\s*:\s*([^;}]*)/.exec(face)?.[1].trim() ?? face;
    byRange.set(range, [...(byRange.get(range) ?? []), face]);
  }
  const first = css.search(FONT_FACE);
  return css.slice(0, first) + [...byRange.values()].flat().join('') + css.slice(first).replace(FONT_FACE, '');
}
