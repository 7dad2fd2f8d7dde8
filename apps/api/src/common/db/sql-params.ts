// Collects positional parameters while a statement is assembled: `p.add(v)` returns
// the `$n` to write into the SQL, so values never end up inside SQL text.
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
