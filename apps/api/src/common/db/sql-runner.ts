// A function that runs one SQL statement and returns its rows: a request's
// transaction (`Db.query`), an import job's own connection, or the seed's. Set-based
// rules written against it run unchanged in all three.
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
