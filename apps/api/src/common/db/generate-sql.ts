// Marks a repository method whose SQL is snapshotted (the way immich's server keeps
// `@GenerateSql` snapshots): test/api/sql-snapshots.e2e-spec.ts calls each marked
// method with these example arguments against a real database, inside a transaction
// it rolls back, and compares the statements with the committed snapshot, so a query
// change shows up in review.

export interface SqlExample {
  /** Tells two examples of one method apart in the snapshot. */
  name?: string;
  params: unknown[];
}

const EXAMPLES = new WeakMap<object, Map<string, SqlExample[]>>();

export function GenerateSql(...examples: SqlExample[]): MethodDecorator {
  return (target, key) => {
    const methods = EXAMPLES.get(target) ?? new Map<string, SqlExample[]>();
    methods.set(String(key), examples.length ? examples : [{ params: [] }]);
    EXAMPLES.set(target, methods);
  };
}

/** The marked methods of a repository instance's class, in declaration order. */
export function sqlExamples(instance: object): [string, SqlExample[]][] {
  return [...(EXAMPLES.get(Object.getPrototypeOf(instance)) ?? new Map()).entries()];
}
