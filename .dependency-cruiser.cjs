/** The directions of dependency of ARCHITECTURE.md, checked in CI (`npm run lint`). */
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
