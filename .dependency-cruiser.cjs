/**
 * The directions of dependency of docs/architecture.md, checked in CI (`npm run lint`).
 *
 * Layers, lowest first; a layer imports only from the layers below it (and from itself):
 *   1. contracts/        schemas and ports; imports nothing of ours
 *   2. adapters/         one folder per external system; contracts/ only
 *   3. src base          src/{errors,hash,money,calendar,logger,config}.ts, src/validation/, src/pdf/
 *   4. src/db/           pool, transactions, queue, migrations
 *   5. src/http/         problem+json, guards, idempotency, rate limits, pagination; no domain module
 *   6. domain modules    src/<module>/ and the AppDeps type (src/deps.ts)
 *   7. src/sandbox/      in-process peers and demo data (built on the domain modules)
 *   8. jobs/             queue handlers over the domain services
 *   9. composition       src/compose.ts, src/app.ts, src/main.ts, src/cluster.ts, src/openapi-cli.ts
 */
const BASE = '^src/((errors|hash|money|calendar|production-calendar|logger|config)\\.ts$|(validation|pdf)/)';
const COMPOSITION = '^src/(compose|app|main|cluster|openapi-cli)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'contracts-import-nothing-of-ours',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(src|adapters|jobs)/' },
    },
    {
      name: 'domain-never-imports-adapters-or-jobs',
      comment: 'src/ gets adapters from compose.ts and jobs from main.ts only (cluster.ts creates the queues once)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main|cluster|compose)\\.ts$' },
      to: { path: '^(adapters|jobs)/' },
    },
    {
      name: 'adapters-import-contracts-only',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(src|jobs)/' },
    },
    {
      name: 'server-never-imports-web',
      comment: 'the front end stays out of the server graph; the server only serves web/dist as files',
      severity: 'error',
      from: { path: '^(src|adapters|contracts|jobs)/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-never-imports-server',
      comment: 'the browser reaches the server through the generated API client only',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(src|adapters|contracts|jobs)/' },
    },
    {
      name: 'sandbox-only-from-composition',
      comment: 'production code never defaults to a sandbox peer: compose.ts decides from config (layer 7 → 9 only)',
      severity: 'error',
      from: { path: '^(src|jobs|adapters)/', pathNot: ['^src/sandbox/', '^src/(compose|main|app|cluster)\\.ts$'] },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'http-imports-no-domain-module',
      comment: 'src/http/ (layer 5) sits below the domain modules: it imports only src/db/ and the base',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/', pathNot: ['^src/(http|db)/', BASE] },
    },
    {
      name: 'repos-never-import-http',
      comment: 'persistence knows nothing of requests, guards or problem rendering',
      severity: 'error',
      from: { path: '\\.repo\\.ts$' },
      to: { path: '^src/http/' },
    },
    {
      name: 'base-imports-only-base',
      comment: 'layer 3 imports contracts/ and itself only',
      severity: 'error',
      from: { path: BASE },
      to: { path: '^src/', pathNot: BASE },
    },
    {
      name: 'db-imports-only-base',
      comment: 'layer 4 imports contracts/, the base and itself only',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: ['^src/db/', BASE] },
    },
    {
      name: 'nothing-imports-composition',
      comment: 'layer 9 is the top: only the composition files import one another (main → compose, app)',
      severity: 'error',
      from: { pathNot: COMPOSITION },
      to: { path: COMPOSITION },
    },
    {
      name: 'no-circular',
      comment: 'a lazy import (the cabinet route table loading its screens) is no cycle at load time',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
  },
};
