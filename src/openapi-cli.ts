// `npm run openapi` writes openapi/openapi.json from the route schemas; `openapi:check` fails on drift.
import { readFile, writeFile } from 'node:fs/promises';
import { loadConfig } from './config.js';
import { createPool } from './db/pool.js';
import { createLogger } from './logger.js';
// app.js before compose.js: the order in which modules load is the order of openapi.json's shared schemas.
import { buildApp } from './app.js';
import { composeDeps } from './compose.js';

const FILE = new URL('../openapi/openapi.json', import.meta.url);

export async function renderOpenApi(): Promise<string> {
  // Only the route schemas matter: outside sandbox mode and without adapters configured composing never
  // connects the pool, and no sandbox routes are mounted.
  const config = loadConfig({ SANDBOX: 'false', NODE_ENV: 'test' });
  const db = createPool('postgres://nobody@127.0.0.1:1/none');
  const deps = await composeDeps({ config, db, log: createLogger('silent') }, { stateSystem: null });
  const app = await buildApp(deps);
  await app.ready();
  const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await db.end();
  return text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.argv[2] ?? 'write';
  const text = await renderOpenApi();
  if (mode === 'check') {
    const committed = await readFile(FILE, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error('openapi/openapi.json is out of date: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('openapi/openapi.json is up to date');
  } else {
    await writeFile(FILE, text);
    console.log('wrote openapi/openapi.json');
  }
}
