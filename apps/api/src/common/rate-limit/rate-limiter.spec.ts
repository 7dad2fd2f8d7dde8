import { RateLimiter } from './rate-limiter';

// The window itself is SQL (rate_limit_windows): test/api/rate-limits.e2e-spec.ts runs it
// against PostgreSQL, across two API instances.
describe('RateLimiter', () => {
  describe('bucketOf', () => {
    it('names the limited routes', () => {
      expect(RateLimiter.bucketOf('POST', 'imports', 'create')).toBe('imports');
      expect(RateLimiter.bucketOf('GET', 'exports', 'export')).toBe('exports');
      expect(RateLimiter.bucketOf('POST', 'exports', 'export')).toBeNull();
      expect(RateLimiter.bucketOf('GET', 'imports', 'show')).toBeNull();
    });
  });
});
