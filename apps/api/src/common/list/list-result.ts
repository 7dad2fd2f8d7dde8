// What a list handler returns; the list interceptor turns it into the JSON array
// and the `Content-Range: resource start-end/total` header react-admin reads.
export class ListResult<T> {
  constructor(
    readonly resource: string,
    readonly data: T[],
    readonly total: number,
    readonly start: number,
  ) {}

  get contentRange(): string {
    const end = this.data.length ? this.start + this.data.length - 1 : this.start;
    return `${this.resource} ${this.start}-${end}/${this.total}`;
  }
}
