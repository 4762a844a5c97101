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
      comment: 'src/ gets adapters and jobs wired in by main.ts only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^(adapters|jobs)/' },
    },
    {
      name: 'adapters-import-contracts-only',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(src|jobs)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
