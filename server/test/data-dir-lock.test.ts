// The embedded database's DATA_DIR lock: held by a living process, so a dead one's lock never blocks a start (even
// when its pid now belongs to another live process) while a running Kabinet on the same folder still refuses another.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, openDatabase, splitConnections, type Database } from '../src/core/database.js';
import { createLogger } from '../src/core/logger.js';

const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const pools = splitConnections(24, 4, true);
const dirs: string[] = [];
const open: Database[] = [];

afterEach(async () => {
  for (const database of open.splice(0)) await database.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kabinet-lock-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, lockStaleMs?: number): Promise<Database> {
  const database = await openDatabase({ url: undefined, dataDir: dir, pools, lockStaleMs }, log);
  open.push(database);
  return database;
}

async function answers(database: Database): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('select 1 as n')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** What a Kabinet killed with -9 leaves: its lock, no longer refreshed (its mtime a minute old). */
async function leaveDeadLock(dir: string, pid: number): Promise<void> {
  await writeFile(path.join(dir, 'pglite.lock'), String(pid));
  const lock = path.join(dir, 'kabinet.lock');
  await mkdir(lock);
  const minuteAgo = new Date(Date.now() - 60_000);
  await utimes(lock, minuteAgo, minuteAgo);
}

describe('the DATA_DIR lock of the embedded database', () => {
  it('does not block a start when the dead owner’s pid now belongs to a live process (the test runner)', async () => {
    const dir = await dataDir();
    await leaveDeadLock(dir, process.pid);
    const database = await start(dir);
    expect(await answers(database)).toBe(1);
  });

  it('nor when it belongs to another live process (a `sleep`)', async () => {
    const dir = await dataDir();
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      await leaveDeadLock(dir, sleeper.pid!);
      const database = await start(dir);
      expect(await answers(database)).toBe(1);
      // The old pid file means nothing now and is gone.
      await expect(stat(path.join(dir, 'pglite.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      sleeper.kill();
    }
  });

  it('refuses a second Kabinet while the first runs, and lets it start once the first has stopped', async () => {
    const dir = await dataDir();
    const first = await start(dir, 2_000);
    // The second waits out the stale period (a just-killed owner's lock would go stale in it): this one stays fresh.
    const second = openDatabase({ url: undefined, dataDir: dir, pools, lockStaleMs: 2_000 }, log);
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(/is in use by another running process .* Stop it first/);
    expect(await answers(first)).toBe(1);

    await first.close();
    open.splice(open.indexOf(first), 1);
    const third = await start(dir, 2_000);
    expect(await answers(third)).toBe(1);
  });
});
