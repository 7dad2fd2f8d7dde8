import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** The installation's own accounts (operator, prefecture) belong to this pseudo-municipality. */
export const INSTALLATION = '000000';

/**
 * Whose rows the statements of the current request (or job) see and write. PostgreSQL's
 * row-level security reads it from the settings `Db` puts on the connection; the code
 * never filters by municipality itself.
 */
export interface Tenant {
  /** A municipality's code, or INSTALLATION for operator and prefecture users. */
  readonly municipalityCode: string;
  /** A prefecture user's scope: the municipalities whose rollups (stats) it reads. */
  readonly statsMunicipalities?: readonly string[];
}

interface Slot {
  tenant?: Tenant;
}

const slots = new AsyncLocalStorage<Slot>();

/**
 * Express middleware, first of all: every request gets an empty slot that the auth
 * guard fills once it knows the session (guards cannot wrap the rest of the request
 * in a context of their own, so they fill one opened before them).
 */
export function tenantScope(_req: Request, _res: Response, next: NextFunction): void {
  slots.run({}, next);
}

/** The auth guard: the signed-in user's municipality, for the rest of the request. */
export function enterTenant(tenant: Tenant): void {
  const slot = slots.getStore();
  if (!slot) throw new Error('enterTenant outside a request scope (tenantScope middleware missing)');
  slot.tenant = tenant;
}

/** Runs fn as the given municipality (login, import jobs, the operator's set-up of a municipality). */
export function withTenant<T>(tenant: Tenant, fn: () => Promise<T>): Promise<T> {
  return slots.run({ tenant }, fn);
}

export function currentTenant(): Tenant | undefined {
  return slots.getStore()?.tenant;
}

/** The municipality of the current request; throws when there is none (a bug, never a client's doing). */
export function requireTenant(): Tenant {
  const tenant = currentTenant();
  if (!tenant) throw new Error('no municipality in this context');
  return tenant;
}

/** The values of the two settings the policies read; empty strings mean "nobody". */
export function tenantSettings(tenant: Tenant | undefined): [municipality: string, stats: string] {
  return [tenant?.municipalityCode ?? '', tenant?.statsMunicipalities?.join(',') ?? ''];
}
