/**
 * A real, throw-away Redis for tests: `redis-server` on a free port with no persistence. Tests that
 * need Redis call `startRedis()` in `beforeAll` and `stop()` in `afterAll`; a process exit hook kills
 * any server a failed test left behind. When `redis-server` is not installed the helper throws a clear
 * error, so the tests fail (never skip).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisTestServer {
  readonly port: number;
  readonly url: string;
  /** Graceful shutdown (SIGTERM); resolves when the process has exited. */
  stop(): Promise<void>;
  /** Abrupt death (SIGKILL), as in a crash: clients see connection resets. */
  kill(): Promise<void>;
  /** Starts again on the same port, so existing clients reconnect by themselves. */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, commands hang, data is kept. */
  pause(): void;
  /** Thaws a paused server (SIGCONT). */
  resume(): void;
  /** Whether the server process is currently running. */
  isRunning(): boolean;
}

const READY_TIMEOUT_MS = 5000;
const live = new Set<ChildProcess>();

const killAll = () => {
  for (const child of live) child.kill('SIGKILL');
};
process.once('exit', killAll);
// 'exit' does not run when the test process itself is ended by a signal (a cancelled run, a
// runner's timeout): kill the servers, then let the signal do what it would have done.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

export interface StartRedisOptions {
  /**
   * A one-node Redis Cluster owning all 16384 slots: multi-key commands and scripts whose keys
   * hash to different slots fail with CROSSSLOT, as on a real cluster. Connect with ioredis `Cluster`.
   */
  cluster?: boolean;
}

export async function startRedis(options: StartRedisOptions = {}): Promise<RedisTestServer> {
  assertRedisInstalled();
  const port = await findFreePort();
  // The node's config file (its id and slots) lives in a fresh directory, so a restart keeps them.
  const clusterArgs = options.cluster
    ? // A lone node knows no address for itself until it meets another; clients need one in CLUSTER SLOTS.
      ['--cluster-enabled', 'yes', '--cluster-announce-ip', '127.0.0.1', '--cluster-config-file', join(mkdtempSync(join(tmpdir(), 'sg-redis-cluster-')), 'nodes.conf')]
    : [];
  const launchNode = async () => {
    const node = await launch(port, clusterArgs);
    if (options.cluster) await claimAllSlots(port);
    return node;
  };
  let child = await launchNode();

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => terminate(child, 'SIGTERM'),
    kill: async () => terminate(child, 'SIGKILL'),
    restart: async () => {
      await terminate(child, 'SIGKILL');
      child = await launchNode();
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    isRunning: () => child.exitCode === null && child.signalCode === null,
  };
}

function redisBinary(): string {
  return process.env.REDIS_SERVER_BIN ?? 'redis-server';
}

function assertRedisInstalled(): void {
  const probe = spawnSync(redisBinary(), ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `redis-server is not installed (tried "${redisBinary()}"): the Redis-backed tests need a real Redis. ` +
        'Either: install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) ' +
        'or set REDIS_SERVER_BIN to its path.',
    );
  }
}

async function launch(port: number, extraArgs: readonly string[]): Promise<ChildProcess> {
  const child = spawn(
    redisBinary(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', ...extraArgs],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));
  await waitForPong(port, child);
  return child;
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT'); // a paused server cannot act on SIGTERM
  child.kill(signal);
  await exited;
}

/** Polls with a raw PING until Redis answers +PONG: no client library, so no retry policy to fight. */
async function waitForPong(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} on port ${port}`);
    if (await answersPing(port)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port} within ${READY_TIMEOUT_MS} ms`);
}

/** Gives a fresh cluster node every slot (a restarted one has them already) and waits for `cluster_state:ok`. */
async function claimAllSlots(port: number): Promise<void> {
  if ((await rawCommand(port, 'CLUSTER INFO')).includes('cluster_slots_assigned:0')) {
    const reply = await rawCommand(port, 'CLUSTER ADDSLOTSRANGE 0 16383');
    if (!reply.startsWith('+OK')) throw new Error(`redis-server on port ${port} refused the cluster slots: ${reply.trim()}`);
  }
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await rawCommand(port, 'CLUSTER INFO')).includes('cluster_state:ok')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the one-node cluster on port ${port} did not reach cluster_state:ok within ${READY_TIMEOUT_MS} ms`);
}

/** One inline command, one reply read whole (the replies used here fit one packet). */
function rawCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000, () => (socket.destroy(), reject(new Error(`no reply to ${command} on port ${port}`))));
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.once('data', (data) => (socket.destroy(), resolve(data.toString())));
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
