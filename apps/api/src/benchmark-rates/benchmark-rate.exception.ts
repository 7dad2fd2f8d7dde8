import { defineDomainException } from '../common/errors/domain.exception';

export enum BenchmarkRateError {
  NotFound = 'benchmark_rate_not_found',
  AsOfInFuture = 'benchmark_rate_as_of_in_future',
  /** That date already has the scope's rates. */
  DateTaken = 'benchmark_rate_date_taken',
}

export class BenchmarkRateException extends defineDomainException<BenchmarkRateError>({
  [BenchmarkRateError.NotFound]: 404,
  [BenchmarkRateError.AsOfInFuture]: 400,
  [BenchmarkRateError.DateTaken]: 409,
}) {}
