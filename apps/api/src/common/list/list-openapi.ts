import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FieldSpec, ListSpec } from './list-spec';

// The response schema of a resource, derived from its ListSpec (the same field list
// the queries select), so the OpenAPI document cannot drift from the responses.
function fieldSchema(f: FieldSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: f.label ? `${f.label.ja} / ${f.label.en}` : undefined, nullable: f.nullable || undefined };
  switch (f.kind) {
    case 'int':
      return { ...base, type: 'integer' };
    case 'decimal':
      return { ...base, type: 'number' };
    case 'bool':
      return { ...base, type: 'boolean' };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'instant':
      return { ...base, type: 'string', format: 'date-time' };
    case 'enum':
      return { ...base, type: 'string', enum: f.enum?.values };
    case 'enumArray':
      return { ...base, type: 'array', items: { type: 'string', enum: f.enum?.values } };
    case 'textArray':
      return { ...base, type: 'array', items: { type: 'string' } };
    case 'intArray':
      return { ...base, type: 'array', items: { type: 'integer' } };
    case 'json':
      return { ...base, type: 'object' };
    default:
      return { ...base, type: 'string' };
  }
}

export function recordSchema(spec: ListSpec): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(spec.fields).filter(([, f]) => !f.exportOnly).map(([name, f]) => [name, fieldSchema(f)])),
  };
}

export function ApiRecord(spec: ListSpec, status = 200) {
  return ApiResponse({ status, schema: recordSchema(spec) as never });
}

export function ApiRecordList(spec: ListSpec) {
  return applyDecorators(
    ApiResponse({
      status: 200,
      description: 'ヘッダー Content-Range: <resource> <start>-<end>/<total>',
      schema: { type: 'array', items: recordSchema(spec) } as never,
    }),
  );
}
