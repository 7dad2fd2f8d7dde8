import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Access } from '../../apps/api/src/common/auth/permission.decorator';
import { ACCESS_KEY } from '../../apps/api/src/common/auth/permission.decorator';

// Nest's own metadata keys and RequestMethod numbering (stable since Nest 6).
const PATH = 'path';
const METHOD = 'method';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export interface RouteInfo {
  /** e.g. `PUT /api/payment-services/:id` */
  key: string;
  method: string;
  path: string;
  access: Access | undefined;
  /** The handler function (its metadata: OpenAPI query parameters and the like). */
  handler: (...args: never[]) => unknown;
}

/** Every HTTP route the application registered, with its access declaration. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!ctrl) continue;
      const base = String(Reflect.getMetadata(PATH, ctrl) ?? '').replace(/^\/|\/$/g, '');
      const proto = ctrl.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodIndex = Reflect.getMetadata(METHOD, handler);
        if (methodIndex === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH, handler) ?? '').replace(/^\/|\/$/g, '');
        const path = '/' + ['api', base, sub].filter(Boolean).join('/');
        const method = METHODS[methodIndex];
        const access = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, ctrl)) as Access | undefined;
        routes.push({ key: `${method} ${path}`, method, path, access, handler: handler as RouteInfo['handler'] });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** The query parameters a GET route documents (OpenAPI), with their enums when given. */
export function queryParams(route: RouteInfo): Array<{ name: string; enum?: unknown[] }> {
  const params = (Reflect.getMetadata('swagger/apiParameters', route.handler) ?? []) as Array<{ name: string; in: string; enum?: unknown[]; schema?: { enum?: unknown[] } }>;
  return params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, enum: p.enum ?? p.schema?.enum }));
}

/** The path with its parameters filled (ids → 1, other params → a plausible value). */
export function concretePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? (name === 'id' ? '1' : 'payment-services'));
}
