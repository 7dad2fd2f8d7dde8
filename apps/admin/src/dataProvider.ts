import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'react-admin';
import { authHeader } from './session';

export const API_URL = '/api';

export function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  for (const [k, v] of Object.entries(authHeader())) headers.set(k, v);
  return fetchUtils.fetchJson(url, { ...options, headers });
}

const base = simpleRestProvider(API_URL, httpClient);

// simple-REST plus the API's extra endpoints; components never call fetch themselves.
export const dataProvider = {
  ...base,

  /** GET a JSON endpoint outside the REST resources (stats, history, …). */
  async getJson<T = unknown>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    const qs = query
      ? '?' + new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()
      : '';
    const { json } = await httpClient(`${API_URL}/${path}${qs}`);
    return json as T;
  },

  /** POST JSON to an action endpoint (publish, …). */
  async postJson<T = unknown>(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<T> {
    const { json } = await httpClient(`${API_URL}/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: new Headers({ Accept: 'application/json', 'Content-Type': 'application/json', ...headers }),
    });
    return json as T;
  },

  /** POST a multipart form (CSV imports); the browser sets the boundary. */
  async upload<T = unknown>(path: string, form: FormData): Promise<T> {
    const { json } = await httpClient(`${API_URL}/${path}`, { method: 'POST', body: form });
    return json as T;
  },

  /** GET a file (CSV reports) as a Blob, with the session's token. */
  async download(path: string): Promise<Blob> {
    const headers = new Headers(authHeader());
    const res = await fetch(`${API_URL}/${path}`, { headers });
    if (!res.ok) throw new Error(`${res.status}`);
    return res.blob();
  },
} satisfies DataProvider;

export type AppDataProvider = typeof dataProvider;
