// `npm run bench:drain`: a rolling deploy's view of one SIGTERM. `npm start` on a fresh embedded database takes a
// steady stream of requests (keep-alive and fresh connections, a GraphQL query and /healthz); it is sent SIGTERM,
// and a load balancer that probes /readyz every 500 ms stops sending 1.5 s after the first failed probe. Counted:
// requests answered, failed (reset, refused, hung up) and the exit code, once per SHUTDOWN_DRAIN value.
// Writes bench/results/<date>-drain[-label].md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess } from '../server/test/support/processes.js';
import { getOnce, HEALTHZ, startSteadyLoad, SUPPLIERS } from '../server/test/support/steady-load.js';
import { ROOT } from './processes.js';
import { benchOption } from './common.js';

const option = benchOption;
const drains = (option('drains') ?? '0s,5s').split(',');
const label = option('label');
const PROBE_EVERY_MS = 500;
const REACTION_MS = 1500;
const STREAMS = { keepAlive: 8, fresh: 4 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  drain: string;
  /** Requests sent until the balancer's first failed probe (in flight at the signal among them), and how many failed. */
  sentBeforeNotice: number;
  failedBeforeNotice: number;
  /** Requests sent while the balancer was reacting, and how many failed. */
  sentAfterNotice: number;
  failedAfterNotice: number;
  errors: string;
  code: number | null;
  noticedAfterMs: number;
}

async function measure(drain: string): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-drain-'));
  try {
    const port = await freePort();
    const main = await startProcess(
      'main.ts',
      [],
      { PORT: String(port), DATA_DIR: dataDir, SHUTDOWN_DRAIN: drain, LOG_LEVEL: 'warn' },
      `http://127.0.0.1:${port}`,
    );
    const load = startSteadyLoad(main.baseUrl, [SUPPLIERS, HEALTHZ], STREAMS);
    load.mark('before');
    await load.completed('before', 20);
    const signalAt = Date.now();
    const exited = main.stop();
    load.mark('before notice');
    // The load balancer's probe: a failed one (503 or no answer) takes the process out REACTION_MS later.
    for (;;) {
      const ok = await getOnce(`${main.baseUrl}/readyz`).then(
        (answer) => answer.status === 200,
        () => false,
      );
      if (!ok) break;
      await sleep(PROBE_EVERY_MS);
    }
    const noticedAfterMs = Date.now() - signalAt;
    load.mark('after notice');
    await sleep(REACTION_MS);
    const report = await load.stop();
    const failed = report.results.filter((r) => r.error !== undefined || r.wrong !== undefined);
    const kinds = new Map<string, number>();
    for (const r of failed)
      kinds.set(r.error ?? `HTTP ${r.status}`, (kinds.get(r.error ?? `HTTP ${r.status}`) ?? 0) + 1);
    const after = (r: { phase: string }) => r.phase === 'after notice';
    return {
      drain,
      sentBeforeNotice: report.results.filter((r) => !after(r)).length,
      failedBeforeNotice: failed.filter((r) => !after(r)).length,
      sentAfterNotice: report.results.filter(after).length,
      failedAfterNotice: failed.filter(after).length,
      errors: [...kinds].map(([kind, n]) => `${kind} × ${n}`).join(', ') || '—',
      code: await exited,
      noticedAfterMs,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const runs: Run[] = [];
for (const drain of drains) {
  const run = await measure(drain);
  runs.push(run);
  console.log(JSON.stringify(run));
}

const date = new Date().toISOString().slice(0, 10);
const file = path.join(ROOT, 'bench/results', `${date}-drain${label ? `-${label}` : ''}.md`);
const rows = runs.map(
  (r) =>
    `| \`${r.drain}\` | ${r.failedBeforeNotice} of ${r.sentBeforeNotice} | ${r.failedAfterNotice} of ` +
    `${r.sentAfterNotice} | ${r.errors} | ${r.noticedAfterMs} ms | ${r.code} |`,
);
writeFileSync(
  file,
  `# A SIGTERM under load (${date}${label ? `, ${label}` : ''})

\`npm run bench:drain\` (\`bench/drain.ts\`): \`npm start\` on a fresh embedded database, Node ${process.version},
${os.cpus().length} cores (shared). ${STREAMS.keepAlive} keep-alive and ${STREAMS.fresh} fresh-connection streams
send \`{ suppliers { code } }\` and \`GET /healthz\` in turn, one request after another; SIGTERM; a load balancer
probes \`/readyz\` every ${PROBE_EVERY_MS} ms and stops sending ${REACTION_MS} ms after the first failed probe.

A stream whose connection is refused tries again at once, so with no drain the refusals while the balancer reacts
count in the thousands: what matters is that any fail at all.

| \`SHUTDOWN_DRAIN\` | failed, of those sent before the balancer noticed | failed, of those sent while it reacted | failures | first failed probe after the signal | exit code |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`,
);
console.log(`written ${path.relative(ROOT, file)}`);
