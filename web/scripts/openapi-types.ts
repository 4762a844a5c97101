// Writes web/src/api/schema.d.ts from openapi/openapi.json (`npm run openapi`); `check` fails on drift,
// so the cabinet cannot call a route or read a field the API does not have.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const SOURCE = new URL('../../openapi/openapi.json', import.meta.url);
const TARGET = new URL('../src/api/schema.d.ts', import.meta.url);

export async function renderSchemaTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(await readFile(SOURCE, 'utf8')) as Parameters<typeof openapiTS>[0]);
  return `// Generated from openapi/openapi.json by \`npm run openapi\`. Do not edit.\n${astToString(ast)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await renderSchemaTypes();
  if (process.argv[2] === 'check') {
    if ((await readFile(TARGET, 'utf8').catch(() => '')) !== text) {
      console.error('web/src/api/schema.d.ts is out of date: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('web/src/api/schema.d.ts is up to date');
  } else {
    await writeFile(TARGET, text);
    console.log('wrote web/src/api/schema.d.ts');
  }
}
