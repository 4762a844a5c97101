// `npm run migrate`: applies migrations to DATABASE_URL, or to the embedded database under DATA_DIR.
import { loadConfig } from '../config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrate } from './migrate.js';

const config = loadConfig(process.env);
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dir: `${config.dataDir}/pg`, port: config.embeddedPgPort });
try {
  const applied = await migrate(config.databaseUrl ?? embedded!.url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
} finally {
  await embedded?.stop();
}
