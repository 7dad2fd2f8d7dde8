import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// Arrows point one way: dependency-cruiser checks the rules in .dependency-cruiser.cjs
// (each with its reason) over the API, the admin and libs/domain.
const root = join(__dirname, '..', '..');
const CONFIG = join(root, '.dependency-cruiser.cjs');
const SOURCES = ['apps/api/src', 'apps/admin/src', 'libs/domain/src'];

interface Rule {
  name: string;
  severity: string;
}
interface Violation {
  type: string;
  from: string;
  to: string;
  rule: Rule;
  cycle?: Array<{ name: string }>;
}
interface Dependency {
  module: string;
  resolved: string;
}
interface CruiseResult {
  modules: Array<{ source: string; dependencies: Dependency[] }>;
  summary: { violations: Violation[] };
}

// dependency-cruiser ships ES modules only (Jest's CommonJS runtime cannot load them):
// its command line, asked for JSON, gives the same result as its API.
function cruise(): CruiseResult {
  const cli = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [cli, ...SOURCES, '--config', CONFIG, '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!run.stdout.trim().startsWith('{')) throw new Error(`dependency-cruiser failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

function describeViolation(v: Violation): string {
  const path = v.cycle?.length ? [v.from, ...v.cycle.map((c) => c.name)].join(' → ') : `${v.from} → ${v.to}`;
  return `${v.rule.name}: ${path}`;
}

const API = 'apps/api/src/';
const NOT_FEATURES = new Set(['common', 'config', 'database']);
/** The feature folder of a file under apps/api/src, or null for plumbing and the composition root. */
function featureOf(file: string): string | null {
  if (!file.startsWith(API)) return null;
  const parts = file.slice(API.length).split('/');
  return parts.length > 1 && !NOT_FEATURES.has(parts[0]) ? parts[0] : null;
}

/** Names a file takes from one module specifier (import and re-export), by the parser, not a regex. */
function namesImported(file: string, specifier: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === specifier) {
      const clause = node.importClause;
      if (!clause) names.push('(side effects)');
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(`* as ${bindings.name.text}`);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.push((e.propertyName ?? e.name).text);
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === specifier) {
      const clause = node.exportClause;
      if (!clause || !ts.isNamedExports(clause)) names.push('*');
      else for (const e of clause.elements) names.push((e.propertyName ?? e.name).text);
    }
  }
  return names;
}

describe('dependency boundaries', () => {
  let result: CruiseResult;
  const known = (require(CONFIG) as { knownNamedImports: Array<{ from: string; name: string }> }).knownNamedImports;

  beforeAll(() => {
    result = cruise();
  }, 170_000);

  it('breaks no rule of .dependency-cruiser.cjs', () => {
    const broken = result.summary.violations.filter((v) => v.rule.severity === 'error').map(describeViolation);
    expect(broken).toEqual([]);
  });

  it('takes only the service or module class from another feature', () => {
    const offenders: string[] = [];
    const seenKnown = new Set<string>();
    for (const m of result.modules) {
      const from = featureOf(m.source);
      if (!from) continue;
      for (const d of m.dependencies) {
        const to = featureOf(d.resolved);
        // Other files of another feature are the depcruise rule's business; here: what a service or module file gives away.
        if (!to || to === from || !/[.](service|module)[.]ts$/.test(d.resolved)) continue;
        for (const name of namesImported(m.source, d.module)) {
          if (/^[A-Z]\w*(Service|Module)$/.test(name)) continue;
          if (known.some((k) => k.from === m.source && k.name === name)) {
            seenKnown.add(`${m.source} ${name}`);
            continue;
          }
          offenders.push(`${m.source} takes ${name} from ${d.resolved}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    // An exception that no longer happens is removed from the config, not kept "just in case".
    expect(known.map((k) => `${k.from} ${k.name}`).filter((k) => !seenKnown.has(k))).toEqual([]);
  });
});
