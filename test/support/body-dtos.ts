import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { Access } from '../../apps/api/src/common/auth/permission.decorator';
import { ACCESS_KEY } from '../../apps/api/src/common/auth/permission.decorator';

// Every write route the application registered, with the class of its @Body() and
// every property a client may send in it, found from the framework's own metadata:
// Nest's route arguments and `design:paramtypes`, class-validator's storage and
// @nestjs/swagger's property list. A DTO added later is found the same way.

// Nest's and @nestjs/swagger's metadata keys (stable since Nest 6 / swagger 4).
const PATH = 'path';
const METHOD = 'method';
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const ROUTE_ARGS = '__routeArguments__';
const BODY = 3; // RouteParamtypes.BODY
const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

export type BodyFieldKind = 'string' | 'stringArray' | 'other';

export interface BodyField {
  name: string;
  kind: BodyFieldKind;
}

export interface WriteRoute {
  key: string;
  method: string;
  path: string;
  access: Access | undefined;
  /** The @Body() class, or null when the handler takes no body (or an untyped one). */
  dto: (new (...args: never[]) => unknown) | null;
  /** `@Body('name')`: the handler reads one field of the body. */
  bodyKey: string | null;
  fields: BodyField[];
}

type Ctor = new (...args: never[]) => unknown;
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

// Constraint names of class-validator that only accept strings (or sets of strings).
const STRING_CONSTRAINTS = new Set(['isString', 'isIn', 'isEnum', 'isIsoDate', 'isInstant', 'matches', 'maxLength', 'minLength', 'isDateString', 'isEmail', 'isUrl']);

function fieldKind(dto: Ctor, name: string): BodyFieldKind {
  const swagger = Reflect.getMetadata(SWAGGER_PROPERTY, dto.prototype, name) as
    | { type?: unknown; enum?: unknown; isArray?: boolean; items?: { enum?: unknown; type?: unknown } }
    | undefined;
  const validators = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .filter((m) => m.propertyName === name);
  const names = validators.map((m) => m.name ?? m.constraintCls?.name ?? '');
  const each = validators.some((m) => m.each);
  const arrayType = swagger?.type === 'array' || swagger?.isArray || names.includes('isArray');
  const stringish =
    swagger?.type === String ||
    swagger?.type === 'string' ||
    Boolean(swagger?.enum) ||
    Boolean(swagger?.items?.enum) ||
    swagger?.items?.type === 'string' ||
    names.some((n) => STRING_CONSTRAINTS.has(n));
  if (arrayType && (stringish || each)) return 'stringArray';
  if (!arrayType && stringish) return 'string';
  return 'other';
}

/** Every property of a DTO class a client may send (whitelisted by class-validator or described by swagger). */
export function dtoFields(dto: Ctor): BodyField[] {
  const names = new Set<string>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) names.add(m.propertyName);
  for (const p of (Reflect.getMetadata(SWAGGER_PROPERTIES, dto.prototype) as string[] | undefined) ?? []) names.add(p.replace(/^:/, ''));
  return [...names].sort().map((name) => ({ name, kind: fieldKind(dto, name) }));
}

export function listWriteRoutes(app: INestApplication): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const ctrl = wrapper.metatype as Ctor | undefined;
      if (!ctrl) continue;
      const base = String(Reflect.getMetadata(PATH, ctrl) ?? '').replace(/^\/|\/$/g, '');
      const proto = ctrl.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodIndex = Reflect.getMetadata(METHOD, handler);
        if (methodIndex === undefined || METHODS[methodIndex] === 'GET') continue;
        const sub = String(Reflect.getMetadata(PATH, handler) ?? '').replace(/^\/|\/$/g, '');
        const path = '/' + ['api', base, sub].filter(Boolean).join('/');
        const method = METHODS[methodIndex];
        const access = (Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, ctrl)) as Access | undefined;

        const args = (Reflect.getMetadata(ROUTE_ARGS, ctrl, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as unknown[];
        const bodyArg = Object.entries(args).find(([k]) => Number(k.split(':')[0]) === BODY)?.[1];
        const type = bodyArg ? paramTypes[bodyArg.index] : undefined;
        const dto = type && !PRIMITIVES.has(type) ? (type as Ctor) : null;
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          access,
          dto,
          bodyKey: typeof bodyArg?.data === 'string' ? bodyArg.data : null,
          fields: dto ? dtoFields(dto) : [],
        });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
