import { ExecutionContext, Param, PipeTransform, createParamDecorator } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { CommonError, CommonException } from '../errors/domain.exception';
import { MAX_PAGE, parseListQuery } from './list-query';
import { ListSpec } from './list-spec';

const listQuery = createParamDecorator((spec: ListSpec, ctx: ExecutionContext) => {
  const query = ctx.switchToHttp().getRequest<{ query: Record<string, unknown> }>().query;
  const parsed = parseListQuery(spec, query);
  // getMany (filter={"id":[...]}) comes without a range: return all the ids asked for.
  const ids = parsed.filter.id;
  if (query.range === undefined && Array.isArray(ids)) {
    parsed.range = { start: 0, end: Math.max(0, Math.min(ids.length, MAX_PAGE) - 1) };
  }
  return parsed;
});

/** The parsed `sort`, `range` and `filter` of a react-admin list request. */
export function ListQueryParam(spec: ListSpec): ParameterDecorator {
  return listQuery(spec);
}

/** OpenAPI description of the three list parameters. */
export function ApiListQuery(spec: ListSpec) {
  const fields = Object.keys(spec.fields).join(', ');
  return applyDecorators(
    ApiQuery({ name: 'sort', required: false, example: `["${spec.defaultSort[0]}","${spec.defaultSort[1]}"]`, description: `並べ替え。項目: ${fields}` }),
    ApiQuery({ name: 'range', required: false, example: '[0,24]', description: `取得範囲（最大${MAX_PAGE}件）` }),
    ApiQuery({
      name: 'filter',
      required: false,
      example: '{}',
      description: `絞り込み（JSON）。項目: ${fields}${spec.search ? ', q（キーワード）' : ''}${
        spec.filters ? ', ' + Object.keys(spec.filters).join(', ') : ''
      }。_gte/_lte/_gt/_lt/_neq の接尾辞で範囲指定。`,
    }),
  );
}

class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,15}$/.test(value)) throw new CommonException(CommonError.BadQuery, 'ID は正の整数で指定してください。');
    const id = Number(value);
    // Larger than any serial: it cannot exist.
    if (id > 2_147_483_647 || id < 1) throw new CommonException(CommonError.NotFound, `ID ${value} のデータは見つかりません。`);
    return id;
  }
}

/** `:id` as a positive integer (400 when not a number). */
export const IdParam = (name = 'id') => Param(name, new IdPipe());
