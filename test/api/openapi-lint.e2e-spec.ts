import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

// The served document, linted by Redocly CLI with the rules in redocly.yaml (and the
// reasoned exceptions in .redocly.lint-ignore.yaml, whose keys name this file). Offline:
// telemetry and the update check are switched off (the machine has no internet).
const DOC_FILE = 'test-output/openapi.json';

function lint(doc: unknown): { status: number | null; totals: { errors: number; warnings: number }; problems: Problem[] } {
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(join(ROOT, DOC_FILE), JSON.stringify(doc, null, 2));
  const r = spawnSync(process.execPath, [CLI, 'lint', DOC_FILE, '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '1000'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' },
  });
  let report: { totals: { errors: number; warnings: number }; problems: Problem[] };
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch {
    throw new Error(`redocly printed no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { status: r.status, ...report };
}

const where = (p: Problem) => p.location.map((l) => l.pointer).join(' ');

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Record<string, any>>>; servers?: unknown[]; components: any };
  beforeAll(async () => {
    t = await TestApp.start();
    doc = (await t.anon.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('passes Redocly lint with no errors (warnings printed)', () => {
    const r = lint(doc);
    const warnings = r.problems.filter((p) => p.severity === 'warn');
    if (warnings.length) console.log(`Redocly warnings (${warnings.length}):\n` + warnings.map((p) => `  ${p.ruleId}: ${p.message} ${where(p)}`).join('\n'));
    const errors = r.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} ${where(p)}`);
    expect(errors).toEqual([]);
    expect(r.totals.errors).toBe(0);
    expect(r.status).toBe(0);
  });

  it('marks the public routes, describes the opaque token, and gives every 4xx the error shape', () => {
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque' });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, res] of Object.entries(op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)) {
          if (!/^4/.test(status)) continue;
          expect([`${method} ${path} ${status}`, res.content?.['application/json']?.schema]).toEqual([
            `${method} ${path} ${status}`,
            { $ref: '#/components/schemas/ErrorResponse' },
          ]);
        }
      }
    }
  });

  it('declares what the file downloads send', () => {
    const types = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content ?? {}).sort();
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(types('/api/exports/{resource}')).toEqual([xlsx, 'text/csv']);
    expect(types('/api/reports/monthly')).toEqual(['application/pdf', xlsx]);
    expect(types('/api/imports/{id}/errors.csv')).toEqual(['text/csv']);
  });
});
