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

  // simple REST sends DELETE without a body; a reason given in meta (applications
  // need one) goes as a JSON body.
  async delete(resource, params) {
    const reason = (params.meta as { reason?: string } | undefined)?.reason;
    if (reason === undefined) return base.delete(resource, params);
    const { json } = await httpClient(`${API_URL}/${resource}/${encodeURIComponent(String(params.id))}`, {
      method: 'DELETE',
      body: JSON.stringify({ reason }),
      headers: new Headers({ Accept: 'application/json', 'Content-Type': 'application/json' }),
    });
    return { data: json };
  },

  /** GET a JSON endpoint outside the REST resources (stats, history, …). */
  async getJson<T = unknown>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    const qs = query
      ? '?' + new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()
      : '';
    const { json } = await httpClient(`${API_URL}/${path}${qs}`);
    return json as T;
  },

  /**
   * GET a file with the session's token, reporting progress (0–1, or null while the
   * server is still preparing it), and hand it to the browser as a download.
   */
  async downloadFile(path: string, onProgress: (fraction: number | null) => void): Promise<string> {
    onProgress(null);
    const res = await fetch(`${API_URL}/${path}`, { headers: authHeader() });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new Error(body.message ?? `HTTP ${res.status}`);
    }
    const total = Number(res.headers.get('Content-Length') ?? 0);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(total ? received / total : null);
    }
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'download');
    const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get('Content-Type') ?? 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    onProgress(1);
    return name;
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

  /** PUT JSON to an endpoint outside the REST resources (settings). */
  async putJson<T = unknown>(path: string, body: unknown): Promise<T> {
    const { json } = await httpClient(`${API_URL}/${path}`, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: new Headers({ Accept: 'application/json', 'Content-Type': 'application/json' }),
    });
    return json as T;
  },

  /** DELETE an endpoint outside the REST resources (a session). */
  async deleteJson<T = unknown>(path: string): Promise<T> {
    const { json } = await httpClient(`${API_URL}/${path}`, { method: 'DELETE' });
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
