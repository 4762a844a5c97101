// The service (or another script of the project) as a child process of a benchmark, started the same way
// by every benchmark that measures the real process: tsx (or the compiled JavaScript, as deployed), the
// project's root as its directory, its stdout discarded unless asked for, and ready once its HTTP port answers.
import { type ChildProcess, execFile, fork } from 'node:child_process';
import { cp, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartOptions {
  /** Relative to the project's root. */
  script?: string;
  /** Added to the benchmark's own environment; PORT is required (the readiness probe asks it). */
  env: Record<string, string> & { PORT: string };
  execArgv?: string[];
  /** Run `script` compiled into this directory (compileProject) with plain node, instead of through tsx. */
  compiledDir?: string;
  /** Asked until it answers below 500 (the baseline processes have no /healthz and answer 404). */
  readyPath?: string;
  timeoutMs?: number;
}

export function startProcess({
  script = 'src/main.ts',
  env,
  execArgv = [],
  compiledDir,
  readyPath = '/healthz',
  timeoutMs = 90_000,
}: StartOptions): Promise<ChildProcess> {
  const entry = compiledDir ? path.join(compiledDir, script.replace(/\.ts$/, '.js')) : path.join(root, script);
  const child = fork(entry, [], {
    cwd: root,
    env: { ...process.env, ...env },
    execArgv: compiledDir ? execArgv : ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`${script} exited with ${code}`));
    child.once('exit', exited);
    const deadline = Date.now() + timeoutMs;
    const poll = async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${env.PORT}${readyPath}`);
        await r.arrayBuffer();
        if (r.status < 500) {
          child.off('exit', exited);
          return resolve(child);
        }
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) return reject(new Error(`${script} did not start in ${timeoutMs / 1000} s`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

/** SIGTERM, and wait for the exit (so the port and the database are free for what follows). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The server compiled as the Dockerfile's `npm run build` does (tsconfig.build.json), plus the given scripts
 * (e.g. a benchmark's baseline, so both sides run alike), into a temporary directory with the files the
 * server reads beside its modules (migrations, the state system's schemas), under `parent` (the benchmark's
 * temporary directory). tsx keeps its transpiler and the sources in memory (~60 MB of RSS) and is not what
 * production runs.
 */
export async function compileProject(parent: string, extraScripts: string[] = []): Promise<string> {
  const out = await mkdtemp(path.join(parent, 'build-'));
  const tsconfig = path.join(out, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.build.json'),
      // typeRoots: type packages are found from the configuration's folder, which is not the project's.
      compilerOptions: {
        outDir: out,
        rootDir: root,
        incremental: false,
        typeRoots: [path.join(root, 'node_modules/@types')],
      },
      include: ['src', 'adapters', 'contracts', 'jobs', ...extraScripts].map((p) => path.join(root, p)),
    }),
  );
  await promisify(execFile)(path.join(root, 'node_modules/.bin/tsc'), ['-p', tsconfig], { cwd: root });
  // Resolved from the build's own folder: the project's packages and its module type.
  await symlink(path.join(root, 'node_modules'), path.join(out, 'node_modules'));
  await cp(path.join(root, 'package.json'), path.join(out, 'package.json'));
  await cp(path.join(root, 'src/db/migrations'), path.join(out, 'src/db/migrations'), { recursive: true });
  for (const f of await readdir(path.join(root, 'contracts/gis')))
    if (/\.(wsdl|xsd)$/.test(f)) await cp(path.join(root, 'contracts/gis', f), path.join(out, 'contracts/gis', f));
  return out;
}
