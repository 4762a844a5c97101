// `npm run gar:import -- <dir>`: imports a ГАР XML export (a region folder or the whole unpacked
// archive) into DATABASE_URL, or into the embedded database under DATA_DIR. Safe to stop and rerun.
import { loadConfig } from '../../config.js';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { migrate } from '../../db/migrate.js';
import { createPool } from '../../db/pool.js';
import { importGarDirectory } from './import.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run gar:import -- <directory with AS_*.XML files>');
  process.exit(2);
}
const config = loadConfig(process.env);
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dir: `${config.dataDir}/pg`, port: config.embeddedPgPort });
const url = config.databaseUrl ?? embedded!.url;
await migrate(url);
const pool = createPool(url, 2);
try {
  let last = 0;
  const report = await importGarDirectory(pool, dir, {
    log: (m) => console.log(m),
    onBatch: ({ file, recordsDone }) => {
      if (Date.now() - last > 5000) {
        last = Date.now();
        console.log(`${file}: ${recordsDone} records`);
      }
    },
  });
  for (const f of report.files) {
    console.log(`${f.file}: ${f.skipped ? 'already imported' : `${f.records} records, ${f.written} rows written`}`);
  }
  const h = report.houses;
  console.log(
    `houses: ${h.created} created, ${h.updated} updated, ${h.unchanged} unchanged, ${h.waiting} waiting for their hierarchy; premises linked: ${report.premisesLinked}`,
  );
} finally {
  await pool.end();
  await embedded?.stop();
}
