import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../../src/openapi-cli.js';

describe('openapi/openapi.json', () => {
  it('matches what the route schemas generate (run `npm run openapi` after changing routes)', async () => {
    const committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    const generated = await renderOpenApi();
    expect(JSON.parse(generated).openapi).toBe('3.1.0');
    expect(committed).toBe(generated);
  });
});
