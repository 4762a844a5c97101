// The service (or another script of the project) as a child process of a benchmark, started the same way
// by every benchmark that measures the real process: tsx, the project's root as its directory, its
// stdout discarded unless asked for, and ready once its HTTP port answers.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartOptions {
  /** Relative to the project's root. */
  script?: string;
  /** Added to the benchmark's own environment; PORT is required (the readiness probe asks it). */
  env: Record<string, string> & { PORT: string };
  execArgv?: string[];
  /** Asked until it answers below 500 (the baseline processes have no /healthz and answer 404). */
  readyPath?: string;
  timeoutMs?: number;
}

export function startProcess({
  script = 'src/main.ts',
  env,
  execArgv = [],
  readyPath = '/healthz',
  timeoutMs = 90_000,
}: StartOptions): Promise<ChildProcess> {
  const child = fork(path.join(root, script), [], {
    cwd: root,
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx', ...execArgv],
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
