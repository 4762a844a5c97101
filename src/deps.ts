import type { Enqueue } from '../contracts/ports.js';
import type { Config } from './config.js';
import type { Boss } from './db/queue.js';
import type { Pool } from './db/pool.js';
import type { FastifyBaseLogger } from 'fastify';

/**
 * What routes and job handlers are given: the database, the queue and the ports that main.ts wired.
 * Services take the parts they need as arguments, never this whole object.
 */
export interface AppDeps {
  config: Config;
  db: Pool;
  enqueue: Enqueue;
  /** Absent only when the app is built to print its OpenAPI document. */
  boss?: Boss;
  log: FastifyBaseLogger;
}
