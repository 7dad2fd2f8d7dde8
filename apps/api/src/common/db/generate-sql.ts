// Marks a repository method whose SQL is snapshotted (the way immich's server keeps
// `@GenerateSql` snapshots): test/api/sql-snapshots.e2e-spec.ts calls each marked
// method with these example arguments against a real database, inside a transaction
// it rolls back, and compares the statements with the committed snapshot, so a query
// change shows up in review.

export interface SqlExample {
  /** Tells two examples of one method apart in the snapshot. */
  name?: string;
  /** The arguments, or a function of the repository instance (for a base class's methods). */
  params: unknown[] | ((repository: object) => unknown[]);
}

const EXAMPLES = new WeakMap<object, Map<string, SqlExample[]>>();

export function GenerateSql(...examples: SqlExample[]): MethodDecorator {
  return (target, key) => {
    const methods = EXAMPLES.get(target) ?? new Map<string, SqlExample[]>();
    methods.set(String(key), examples.length ? examples : [{ params: [] }]);
    EXAMPLES.set(target, methods);
  };
}

/**
 * The marked methods of a repository instance's class and its base classes (a method
 * the class marks again is taken from the class), with their arguments for this instance.
 */
export function sqlExamples(instance: object): [string, { name?: string; params: unknown[] }[]][] {
  const methods = new Map<string, SqlExample[]>();
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [method, examples] of EXAMPLES.get(proto) ?? []) if (!methods.has(method)) methods.set(method, examples);
  }
  return [...methods.entries()].map(([method, examples]) => [
    method,
    examples.map((e) => ({ name: e.name, params: typeof e.params === 'function' ? e.params(instance) : e.params })),
  ]);
}
