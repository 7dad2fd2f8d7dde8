import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';
import { isInstallationRole, type Role } from '@mynapoint/domain';
import type { Client_, TestApp } from './test-app';

// How to call a route successfully, for the role × route matrix. Each feature adds a
// file `test/api/cases/<feature>.cases.ts` exporting `cases`; the matrix test fails
// for a route without one, so a new route cannot skip the matrix.
export interface RouteCase {
  /** `METHOD /api/path/:id` exactly as registered. */
  route: string;
  /** A request that must succeed (2xx) for a role that is allowed. Set up prerequisites as admin. */
  ok(t: TestApp, as: Client_, role: Role): Promise<request.Response> | request.Test;
}

export function loadRouteCases(): Map<string, RouteCase> {
  const dir = join(__dirname, '..', 'api', 'cases');
  const out = new Map<string, RouteCase>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cases.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cases } = require(join(dir, file)) as { cases: RouteCase[] };
    for (const c of cases) {
      if (out.has(c.route)) throw new Error(`two cases for ${c.route}`);
      out.set(c.route, c);
    }
  }
  return out;
}

let seq = 0;
/** A value unique within the run, for names that must not collide. */
export function unique(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;
}

/**
 * Who sets up the records a caller of this role works on: a municipality's admin, or
 * for the installation's accounts the operator (they see only the installation's
 * accounts and the national reference data).
 */
export function keeper(role: Role): Role {
  return isInstallationRole(role) ? 'operator' : 'admin';
}

/** A user body the role's keeper may create (the operator creates only installation accounts). */
export function staffOverrides(role: Role): Record<string, unknown> {
  return isInstallationRole(role) ? { role: 'operator' } : {};
}
