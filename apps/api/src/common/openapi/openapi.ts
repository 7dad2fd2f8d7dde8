import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiProduces, ApiResponse, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ACCESS_EXTENSION, type Access } from '../auth/permission.decorator';
import { RATE_LIMITED } from '../rate-limit/rate-limiter';

const ERROR_SCHEMA = 'ErrorResponse';
const BEARER = 'bearer';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '入力値・クエリ・パラメーターが正しくない（errors に項目ごとの理由）',
  401: 'ログインが必要（トークンがない・期限切れ・失効）',
  403: 'この役割には許されていない操作',
  404: 'パスで指定したデータ（ID・リソース名）が見つからない',
  409: '競合: 同じ内容が登録済み、他のデータから参照中、状態が許さない変更、同時更新',
  429: '短時間に集中した（Retry-After ヘッダーの秒数だけ待つ）',
};

const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'publish', 'check_in']);

type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: unknown }>;
  security?: unknown[];
  [ACCESS_EXTENSION]?: Access;
};

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download: the content types the route streams, as binary. The "produces" metadata also marks it as a file route (the audit test finds them by it). */
export function ApiFileResponse(description: string, ...types: string[]) {
  return applyDecorators(
    ApiProduces(...types),
    ApiResponse({
      status: 200,
      description,
      content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
}

// The 4xx answers every route can give, in one place: 401/403 from its access
// declaration, 400 from its parameters and body, 404 from a path parameter, 409 from a
// write action, 429 from the rate-limit table. A route's own @Api…Response for the same
// status keeps its description.
function errorStatuses(method: string, op: Operation): number[] {
  const access = op[ACCESS_EXTENSION];
  const params = op.parameters ?? [];
  const statuses = new Set<number>();
  if (params.length || op.requestBody) statuses.add(400);
  if (params.some((p) => p.in === 'path')) statuses.add(404);
  if (access?.kind !== 'public') statuses.add(401);
  if (access?.kind === 'permission') {
    statuses.add(403);
    if (WRITE_ACTIONS.has(access.action)) statuses.add(409);
    const limited = RATE_LIMITED.some((r) => r.method === method.toUpperCase() && r.resource === access.resource && r.action === access.action);
    if (limited) statuses.add(429);
  }
  return [...statuses].sort();
}

export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas[ERROR_SCHEMA] = {
    type: 'object',
    description: 'すべてのエラーの形',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 400 },
      code: { type: 'string', example: 'validation_failed' },
      message: { type: 'string', example: '入力内容を確認してください。' },
      errors: { type: 'object', additionalProperties: { type: 'string' }, description: '項目ごとの理由（react-admin のフォーム用）' },
    },
  };
  const errorContent = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } };
  for (const item of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      // The derived statuses, and any 4xx a route declares itself (login's 401 and 429).
      const declared = Object.keys(op.responses).filter((s) => /^4\d\d$/.test(s)).map(Number);
      for (const status of new Set([...errorStatuses(method, op), ...declared])) {
        const own = op.responses[status];
        op.responses[status] = { description: own?.description || ERROR_DESCRIPTIONS[status], content: errorContent };
      }
      // Public routes (health, login) need no token: an empty list overrides the
      // document-wide bearer requirement. @nestjs/swagger drops an empty list, so it is set here.
      op.security = op[ACCESS_EXTENSION]?.kind === 'public' ? [] : [{ [BEARER]: [] }];
      delete op[ACCESS_EXTENSION];
    }
  }
  return doc;
}

/** Serves the document at /api/docs (Swagger UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Mynapoint back office API')
    .setDescription('マイナポイント事業 庁内管理システムの API。react-admin の simple REST 規約に従います。')
    .setVersion('1.0')
    // Relative: the document describes the server that serves it (paths start with /api).
    .addServer('/', 'この文書を配信しているサーバー')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'POST /api/auth/login が返す accessToken（ランダムな不透明トークン。JWT ではありません）',
      },
      BEARER,
    )
    .addSecurityRequirements(BEARER)
    .build();
  SwaggerModule.setup('api/docs', app, () => completeDocument(SwaggerModule.createDocument(app, config)), {
    jsonDocumentUrl: 'api/docs-json',
  });
}
