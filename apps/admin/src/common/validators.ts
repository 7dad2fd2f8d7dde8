import { containsMyNumber } from '@mynapoint/domain';

// Client-side mirror of the server's My Number guard: the server refuses anyway,
// this only says so before the round trip.
export const noMyNumber = (value: unknown) =>
  typeof value === 'string' && containsMyNumber(value) ? 'app.my_number_warning' : undefined;
