import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { groupFontFaces } from './fontFaces';

const FACES = /@font-face\s*\{[^}]*\}/g;
const rangeOf = (face: string) => /unicode-range\s*:\s*([^;}]*)/.exec(face)?.[1].trim();

describe('groupFontFaces', () => {
  const face = fc.record({ weight: fc.constantFrom(400, 700), range: fc.constantFrom('U+0-FF', 'U+3000-303F', 'U+4E00-4E0F'), url: fc.stringMatching(/^[a-z]{1,6}$/) });
  const css = fc.array(fc.oneof(face.map((f) => `@font-face{font-weight:${f.weight};src:url(${f.url}.woff2);unicode-range:${f.range}}`), fc.constantFrom('body{margin:0}', '.a{color:red}')), { maxLength: 12 });

  it('keeps every rule and every other byte; rules of one range are side by side, in their order', () => {
    fc.assert(
      fc.property(css, (parts) => {
        const input = parts.join('');
        const out = groupFontFaces(input);
        expect([...(out.match(FACES) ?? [])].sort()).toEqual([...(input.match(FACES) ?? [])].sort());
        expect(out.replace(FACES, '')).toBe(input.replace(FACES, ''));
        const ranges = (out.match(FACES) ?? []).map(rangeOf);
        const seen = ranges.filter((r, i) => i === 0 || ranges[i - 1] !== r);
        expect(new Set(seen).size).toBe(seen.length);
        for (const r of new Set(ranges)) {
          expect((out.match(FACES) ?? []).filter((f) => rangeOf(f) === r)).toEqual((input.match(FACES) ?? []).filter((f) => rangeOf(f) === r));
        }
      }),
    );
  });

  it("halves what Noto Sans JP's two weights cost gzipped", () => {
    const dir = join(__dirname, '..', '..', '..', 'node_modules', '@fontsource', 'noto-sans-jp');
    const input = readFileSync(join(dir, '400.css'), 'utf8') + readFileSync(join(dir, '700.css'), 'utf8');
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(gz(groupFontFaces(input))).toBeLessThan(gz(input) * 0.65);
  });
});
