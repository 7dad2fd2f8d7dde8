import { CommonException } from '../errors/domain.exception';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows the limit per user and minute, then answers 429 with the seconds until a slot frees', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ imports: 3, exports: 1 }, () => now);
    for (let i = 0; i < 3; i++) {
      limiter.take('imports', 1);
      now += 10_000;
    }
    let refused: CommonException | undefined;
    try {
      limiter.take('imports', 1);
    } catch (e) {
      refused = e as CommonException;
    }
    expect(refused?.status).toBe(429);
    // The first of the three was 30 s ago: a slot frees in 30 s.
    expect(refused?.retryAfterSeconds).toBe(30);
    // Another user and another bucket have their own budget.
    limiter.take('imports', 2);
    limiter.take('exports', 1);
    now += 30_001;
    limiter.take('imports', 1);
  });

  it('names the limited routes', () => {
    expect(RateLimiter.bucketOf('POST', 'imports', 'create')).toBe('imports');
    expect(RateLimiter.bucketOf('GET', 'exports', 'export')).toBe('exports');
    expect(RateLimiter.bucketOf('POST', 'exports', 'export')).toBeNull();
    expect(RateLimiter.bucketOf('GET', 'imports', 'show')).toBeNull();
  });
});
