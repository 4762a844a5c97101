import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStartError, freePort, startEmbeddedPostgres } from '../../src/db/embedded.js';

// Finding 3 of issue 14: a crash left the embedded PostgreSQL running and the next start failed with a
// bare "failed to start"; SIGTERM to `npm start` left the service running.

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-restart-'));
  dirs.push(dir);
  return dir;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return what();
}

/** Every process below `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function service(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    env: { ...process.env, DATABASE_URL: '', TEST_DATABASE_URL: '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { output: '', code: undefined as number | null | undefined };
  child.stdout!.on('data', (d) => (state.output += d));
  child.stderr!.on('data', (d) => (state.output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      state.code = code;
      resolve(code);
    }),
  );
  return { child, state, exited };
}

const ready = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
const postmasterPid = (dir: string) =>
  Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

function kill(child: ChildProcess) {
  if (child.exitCode === null) child.kill('SIGKILL');
}

describe('start after a crash, and stop through npm', () => {
  it('takes over after the node process was killed with SIGKILL (orphaned PostgreSQL)', {
    timeout: 180_000,
  }, async () => {
    const dir = await tempDir();
    const port = await freePort();
    const first = service(process.execPath, ['--import', 'tsx', 'src/main.ts'], { DATA_DIR: dir, PORT: String(port) });
    let second: ReturnType<typeof service> | undefined;
    let orphan = 0;
    try {
      expect(await until(() => ready(port), 90_000), first.state.output).toBe(true);
      orphan = postmasterPid(dir);
      first.child.kill('SIGKILL');
      await first.exited;
      // The crash leaves the server behind, as in production.
      expect(alive(orphan)).toBe(true);

      second = service(process.execPath, ['--import', 'tsx', 'src/main.ts'], { DATA_DIR: dir, PORT: String(port) });
      expect(await until(() => ready(port), 90_000), second.state.output).toBe(true);
      expect(second.state.output).toContain('stopping the embedded PostgreSQL left running by a previous run');
      expect(alive(orphan)).toBe(false);
      const current = postmasterPid(dir);
      expect(current).not.toBe(orphan);

      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(await until(() => !alive(current), 10_000)).toBe(true);
    } finally {
      kill(first.child);
      if (second) kill(second.child);
      if (orphan && alive(orphan)) process.kill(orphan, 'SIGKILL');
    }
  });

  it('stops everything, embedded PostgreSQL included, when `npm start` gets SIGTERM', {
    timeout: 180_000,
  }, async () => {
    const dir = await tempDir();
    const port = await freePort();
    const npm = service('npm', ['start', '--silent'], { DATA_DIR: dir, PORT: String(port) });
    let tree: number[] = [];
    try {
      expect(await until(() => ready(port), 90_000), npm.state.output).toBe(true);
      // Log lines are written asynchronously: /readyz may answer before the "listening" line is flushed.
      const listening = `listening on http://localhost:${port}`;
      expect(await until(() => npm.state.output.includes(listening), 10_000), npm.state.output).toBe(true);
      tree = [...descendants(npm.child.pid!), postmasterPid(dir)];
      expect(tree.length).toBeGreaterThan(1);
      npm.child.kill('SIGTERM');
      expect(await npm.exited).toBe(0);
      expect(await until(() => tree.every((pid) => !alive(pid)), 30_000), `still running: ${tree.filter(alive)}`).toBe(
        true,
      );
      expect(npm.state.output).toContain('stopped');
      expect(await ready(port)).toBe(false);
    } finally {
      kill(npm.child);
      for (const pid of tree) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('removes a stale postmaster.pid whose process is gone, and starts', { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const first = await startEmbeddedPostgres({ dir: path.join(dir, 'pg') });
    await first.stop();
    // A pid that is surely not running: a child that has exited.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    await writeFile(path.join(dir, 'pg', 'postmaster.pid'), `${gone.pid}\n${path.join(dir, 'pg')}\n0\n5432\n\n`);
    const messages: string[] = [];
    const second = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), onInfo: (m) => messages.push(m) });
    try {
      expect(messages.join('\n')).toContain('removed a stale postmaster.pid');
    } finally {
      await second.stop();
    }
  });

  it('says in one line why the embedded server did not start (its port taken), in the process log too', {
    timeout: 90_000,
  }, async () => {
    const dir = await tempDir();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await startEmbeddedPostgres({ dir: path.join(dir, 'direct'), port: busy }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmbeddedStartError);
      expect((err as Error).message).toMatch(/exited during start .*(could not (bind|create any TCP\/IP)|in use)/);

      const run = service(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        DATA_DIR: dir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(busy),
      });
      expect(await run.exited).toBe(1);
      const fatal = run.state.output.split('\n').find((l) => l.includes('failed to start'));
      expect(fatal).toMatch(/failed to start \(embedded PostgreSQL\): the embedded PostgreSQL exited during start/);
      expect(run.state.output).not.toMatch(/"msg":"failed to start"/);
    } finally {
      blocker.close();
    }
  });
});
