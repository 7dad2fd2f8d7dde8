// Only the writable fields, and only those present: read-only fields a PUT carries
// (react-admin sends the whole record back) are dropped here, never written.
export function pickWritable<T extends object, K extends keyof T>(dto: Partial<T>, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (dto[key] !== undefined) out[key] = dto[key] as T[K];
  return out;
}
