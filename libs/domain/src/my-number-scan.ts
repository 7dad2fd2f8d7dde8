import { containsMyNumber, findMyNumberFields } from './my-number';

// Where a request can carry text a person typed: the body, the query string (list
// searches, export filters, stats dates) and the path. Each is scanned with the one
// detector; the hits are named by place, never by value.

export interface MyNumberHits {
  /** Body field paths (`notes`, `items.2.text`), as react-admin names form fields. */
  body: string[];
  /** Query parameter paths; a JSON parameter is named inside (`filter.q`, `sort.0`). */
  query: string[];
  /** Route parameter names (`id`, `resource`). */
  params: string[];
}

export interface ScannableRequest {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

export function findMyNumbersInRequest(req: ScannableRequest): MyNumberHits | null {
  const hits = { body: findMyNumberFields(req.body), query: findMyNumberInQuery(req.query), params: findMyNumberFields(req.params) };
  return hits.body.length || hits.query.length || hits.params.length ? hits : null;
}

/**
 * Every raw parameter (names too) and the decoded JSON of those that hold JSON:
 * `{"q":"\u0031…"}` hides the digits from a scan of the raw text.
 */
export function findMyNumberInQuery(query: unknown): string[] {
  if (!query || typeof query !== 'object') return [];
  const hits = new Set(findMyNumberFields(query));
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const name = containsMyNumber(key) ? '(key)' : key;
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => {
      const decoded = decodeJson(v);
      if (decoded !== undefined) for (const p of findMyNumberFields(decoded, Array.isArray(value) ? `${name}.${i}` : name)) hits.add(p);
    });
  }
  // "filter.q" says more than "filter": keep the deepest name of each hit.
  return [...hits].filter((h) => ![...hits].some((other) => other.startsWith(`${h}.`)));
}

function decodeJson(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{"]/.test(value)) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

interface LoggableRequest {
  url?: string;
  originalUrl?: string;
  path?: string;
  route?: { path?: string };
}

const WITHHELD_PATH = '(path withheld)';

/** The path for a log or audit line: the route's pattern (`/api/exports/:resource`) when the path itself holds a My Number. */
export function loggablePath(req: LoggableRequest): string {
  return withheld(req, req.path ?? (req.originalUrl ?? req.url ?? '').split('?')[0]);
}

function withheld(req: LoggableRequest, path: string): string {
  return containsMyNumber(decode(path)) ? (req.route?.path ?? WITHHELD_PATH) : path;
}

/** The URL for a log line, without the query string when any parameter holds a My Number. */
export function loggableUrl(req: LoggableRequest): string {
  const url = req.originalUrl ?? req.url ?? '';
  const at = url.indexOf('?');
  const path = withheld(req, at < 0 ? url : url.slice(0, at));
  if (at < 0) return path;
  const params: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(url.slice(at + 1))) (params[k] ??= []).push(v);
  return findMyNumberInQuery(params).length || containsMyNumber(decode(url.slice(at + 1))) ? `${path}?(query withheld)` : `${path}${url.slice(at)}`;
}
