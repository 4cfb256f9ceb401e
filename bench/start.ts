// `npm run bench:start [-- --runs 3] [--label name] [--note text]`: how long `npm start` on the embedded database
// takes until /readyz answers 200, and how much memory it holds then. "First start" is a new DATA_DIR (PGlite's
// initdb, every subgraph's migrations, the demo data); "again" is a start on the DATA_DIR the first one left.
// Each start is `npm start`'s entry point (server/src/main.ts through tsx, as `npm start` runs it) with only DATA_DIR,
// PORT and PUBLIC_URL set; the median of --runs pairs. Writes bench/results/<date>-start[-label].md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../server/src/core/database.js';
import { startProcess, type RunningProcess } from '../server/test/support/processes.js';
import { ROOT } from './processes.js';
import { benchOption } from './common.js';

const option = benchOption;
const RUNS = Number(option('runs') ?? 3);
const label = option('label');
const note = option('note');
/** Memory is read again this long after ready: what the process settles at. */
const SETTLE_MS = 10_000;

interface Start {
  readyMs: number;
  rssMiB: number;
  peakMiB: number;
  settledMiB: number;
}

/** VmRSS and VmHWM (the peak) of a process, in MiB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function startOnce(dataDir: string): Promise<Start> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  let running: RunningProcess | undefined;
  try {
    running = await startProcess(
      'main.ts',
      [],
      { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: baseUrl, LOG_LEVEL: 'warn' },
      baseUrl,
      '/readyz',
      180_000,
    );
    const readyMs = performance.now() - started;
    const atReady = memoryOf(running.child.pid!);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = memoryOf(running.child.pid!);
    return { readyMs, rssMiB: atReady.rss, peakMiB: settled.peak, settledMiB: settled.rss };
  } finally {
    const code = await running?.stop();
    if (running && code !== 0) throw new Error(`main.ts exited ${code} on SIGTERM:\n${running.output().slice(-2000)}`);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const first: Start[] = [];
  const again: Start[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-start-'));
    try {
      first.push(await startOnce(dataDir));
      again.push(await startOnce(dataDir));
      console.log(
        `run ${run + 1}: first ${Math.round(first.at(-1)!.readyMs)} ms, again ${Math.round(again.at(-1)!.readyMs)} ms`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const row = (name: string, starts: Start[]) =>
    `| ${name} | ${(median(starts.map((s) => s.readyMs)) / 1000).toFixed(1)} | ` +
    `${starts.map((s) => (s.readyMs / 1000).toFixed(1)).join(', ')} | ${Math.round(median(starts.map((s) => s.rssMiB)))} | ` +
    `${Math.round(median(starts.map((s) => s.peakMiB)))} | ${Math.round(median(starts.map((s) => s.settledMiB)))} |`;
  const date = new Date().toISOString().slice(0, 10);
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    if (execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).toString().trim())
      commit += ' (with uncommitted changes)';
  } catch {
    // not a git checkout
  }
  const lines = [
    `# Start on the embedded database, ${date}${label ? ` (${label})` : ''}`,
    '',
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ` +
      `Node ${process.version}; load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    `- Kabinet at ${commit}`,
    ...(note ? [`- ${note}`] : []),
    '',
    `\`npm start\`'s entry point with DATA_DIR, PORT and PUBLIC_URL only, until \`/readyz\` answers 200; memory of ` +
      `the process (RSS) at that moment, its peak, and ${SETTLE_MS / 1000} s later; median of ${RUNS}. ` +
      'Targets (issue 17): half of 40 s (first start) and 21 s (again), half of 947 MiB resident.',
    '',
    '| start | to /readyz, s (median) | each run, s | RSS at ready, MiB | peak, MiB | RSS settled, MiB |',
    '|---|---|---|---|---|---|',
    row('first start (new DATA_DIR)', first),
    row('again (same DATA_DIR)', again),
    '',
  ];
  console.log(lines.join('\n'));
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${date}-start${label ? `-${label}` : ''}.md`);
  writeFileSync(file, lines.join('\n'));
  console.log(`written to ${path.relative(ROOT, file)}`);
}

await main();
