import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

// Every visible text goes through i18n keys (Japanese first, English too): a Japanese
// character in a string, template or JSX text of the admin's code is a text that an
// English-reading user would see untranslated. Comments do not count (the parser skips
// them); the ideographic space does not either (it is spacing, not words).
const SRC = join(__dirname, '..');
const JAPANESE = /[\u3001-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

// Places that stay, each with its reason.
const ALLOWED: Record<string, string> = {
  // The product's name as react-admin's fallback title (its error pages render it untranslated).
  'App.tsx': 'product name',
  // Locale formatting of dates and ranges, with its own English branch and unit tests.
  'dashboard/format.ts': 'locale formatting',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : sources(path);
    if (!/\.tsx?$/.test(e.name) || /\.spec\.tsx?$/.test(e.name) || e.name === 'i18n.ts') return [];
    return [path];
  });
}

function hardCoded(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
        ? node.text
        : ts.isJsxText(node)
          ? node.getText()
          : '';
    if (JAPANESE.test(text)) found.push(`${relative(SRC, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${text.trim()}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('admin visible text', () => {
  it('has no hard-coded Japanese outside the i18n files', () => {
    const files = sources(SRC).filter((p) => !(relative(SRC, p) in ALLOWED));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(hardCoded)).toEqual([]);
  });
});
