// `npm run bench:captcha [-- --runs 5]`: how long the CAPTCHA's proof of work takes at its worst, at CAPTCHA_COST
// and at CAPTCHA_MAX_COST (the most failed logins raise it to), solved the way the widget solves it (altcha-lib,
// SHA-256, counters from 0). Each challenge is made with its counter at the cost itself: the longest a solve gets.
import { createChallenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { loadConfig } from '../server/src/core/config.js';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 5;
const config = loadConfig();

async function worstSolveMs(cost: number): Promise<number> {
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: cost,
    deriveKey,
    hmacSignatureSecret: 'bench-secret-bench-secret-bench-secret',
  });
  const started = performance.now();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error(`no solution at cost ${cost}`);
  return performance.now() - started;
}

console.log(`| cost | worst solve, median of ${runs} (ms) | max (ms) |`);
console.log('|---|---|---|');
for (const cost of [config.captchaCost, config.captchaMaxCost]) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await worstSolveMs(cost));
  times.sort((a, b) => a - b);
  console.log(`| ${cost} | ${times[Math.floor(runs / 2)]!.toFixed(0)} | ${times.at(-1)!.toFixed(0)} |`);
}
