import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { AppDeps } from '../src/deps.js';

/**
 * One queue: its payload schema, retry policy and handler. A queue with `deadLetter` moves
 * exhausted jobs to `<name>.dead`, where they stay visible and can be retried.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  payload: z.ZodType<T>;
  policy?: Omit<PgBoss.Queue, 'name' | 'deadLetter'>;
  deadLetter?: boolean;
  /** Cron in the given time zone; the scheduled job runs once per tick across all workers. */
  schedule?: { cron: string; tz?: string };
  batchSize?: number;
  pollingIntervalSeconds?: number;
  handle(data: T, deps: AppDeps, job: { id: string }): Promise<unknown>;
}

export const defineJob = <T extends object>(definition: JobDefinition<T>) => definition;
export const deadLetterName = (name: string) => `${name}.dead`;
