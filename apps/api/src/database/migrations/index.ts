import { Foundation1764000000000 } from './1764000000000-foundation';

// Every migration, in order. Schema changes only ever happen here (never synchronize).
export const MIGRATIONS = [Foundation1764000000000];
