// `npm run bench:metrics`: what /metrics costs a request: the metric updates one dashboard request makes (its
// operation, latency, root field and HTTP answer, five pool acquisitions), timed in a loop on one registry, in µs of
// CPU per request. The dashboard pairs (`npm run bench -- --only dashboard`) cannot show a cost this small beside
// their run-to-run noise; this can.
import os from 'node:os';
import { Metrics } from '../server/src/core/metrics.js';

const REQUESTS = 200_000;
const metrics = new Metrics('kabinet');
const operation = { operation: 'AccountsPage_Accounts', type: 'query', caller: 'abonent' } as const;

function oneDashboard(): void {
  metrics.graphqlRequests.inc({ ...operation, outcome: 'ok' });
  metrics.graphqlDuration.observe(operation, 0.004);
  metrics.rootFields.inc({ field: 'me', type: 'query', caller: 'abonent' });
  metrics.httpResponses.inc({ route: '/graphql', method: 'POST', status: '200' });
  for (const pool of ['identity', 'accounts', 'metering', 'payments', 'payments'])
    metrics.poolWait.observe({ pool }, 0.0001);
}

for (let i = 0; i < REQUESTS / 10; i++) oneDashboard();
const cpu = process.cpuUsage();
for (let i = 0; i < REQUESTS; i++) oneDashboard();
const used = process.cpuUsage(cpu);
const text = await metrics.registry.metrics();
console.log(
  `${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}: ${((used.user + used.system) / REQUESTS).toFixed(2)} µs of CPU ` +
    `per request for its metric updates (${REQUESTS} requests); one scrape is ${Math.round(text.length / 1024)} KiB`,
);
