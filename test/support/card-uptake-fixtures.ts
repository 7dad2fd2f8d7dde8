import { addDays } from '@mynapoint/domain';
import { unique } from './route-cases';
import type { TestApp } from './test-app';

// Card-uptake records made through the API as admin, each unique within the run.

let day = 0;
/** A date of its own for each call (the published rates are one per date and scope). */
const nextDate = () => addDays('2001-01-31', ++day);

export const populationFigureBody = (over: Record<string, unknown> = {}) => ({
  asOf: '2021-03-31',
  district: unique('地区').slice(0, 40),
  ageBand: '40s',
  population: 1000,
  cardApplications: 600,
  cardsIssued: 500,
  ...over,
});
export const benchmarkRateBody = (over: Record<string, unknown> = {}) => ({ asOf: nextDate(), scope: 'national', applicationRatePercent: 50.1, issuanceRatePercent: 45.2, ...over });
export const targetBody = (over: Record<string, unknown> = {}) => ({ name: unique('目標'), metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31', ...over });

async function create(t: TestApp, path: string, body: object): Promise<{ id: number }> {
  const res = await (await t.as('admin')).post(path).send(body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const createPopulationFigure = (t: TestApp) => create(t, '/api/population-figures', populationFigureBody());
export const createBenchmarkRate = (t: TestApp) => create(t, '/api/benchmark-rates', benchmarkRateBody());
export const createTarget = (t: TestApp) => create(t, '/api/targets', targetBody());
