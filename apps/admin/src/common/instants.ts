// The API takes instants with an offset; this turns any date-time string (a record's,
// a default, what <JpDateTimeInput> gives) into one. Empty means "not given" (e.g.
// now, or a default).
export function toInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Drops empty optional instants from a body, so the API applies its default. */
export function withoutEmpty<T extends Record<string, unknown>>(fields: readonly string[]) {
  return (data: T): T => {
    const out: Record<string, unknown> = { ...data };
    for (const f of fields) if (out[f] == null || out[f] === '') delete out[f];
    return out as T;
  };
}
