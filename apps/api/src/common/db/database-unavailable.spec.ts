import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, whenDatabaseBack } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it('recognises what pg throws while PostgreSQL is down, stopping or unreachable', () => {
    const outage = [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      withCode('55000', 'database "mynapoint" is not currently accepting connections'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
    ];
    for (const e of outage) {
      expect(isDatabaseUnavailable(e)).toBe(true);
      expect(isDatabaseUnavailable(wrapped(e))).toBe(true);
    }
  });

  it('leaves the answers of a live server and ordinary bugs alone', () => {
    for (const e of [withCode('23505'), withCode('40P01'), withCode('55000', 'cannot drop the currently open database'), withCode('42P01', 'relation "x" does not exist'), new TypeError('x is undefined'), null, 'text']) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
    // A constraint error whose message happens to mention a connection is still a constraint error.
    expect(isDatabaseUnavailable(withCode('23514', 'Connection terminated check'))).toBe(false);
  });
});

describe('whenDatabaseBack', () => {
  it('tries again while the database is unreachable, and gives up on any other error at once', async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(withCode('ECONNREFUSED')) : Promise.resolve('done'));
    await expect(whenDatabaseBack(flaky, { delayMs: 1 })).resolves.toBe('done');
    expect(calls).toBe(3);

    calls = 0;
    const broken = () => (++calls, Promise.reject(withCode('23505')));
    await expect(whenDatabaseBack(broken, { delayMs: 1 })).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);

    calls = 0;
    const down = () => (++calls, Promise.reject(withCode('57P03')));
    await expect(whenDatabaseBack(down, { tries: 4, delayMs: 1 })).rejects.toMatchObject({ code: '57P03' });
    expect(calls).toBe(4);
  });
});
