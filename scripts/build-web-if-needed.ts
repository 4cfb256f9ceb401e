// Part of `npm start`: builds the web client when web/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web/dist/index.html');
const sources = [
  'web/src',
  'common/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'codegen.yml',
  'scripts/codegen-add-typename.mjs',
  'schema/api.graphql',
].map((p) => path.join(root, p));

function newest(target: string): number {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

const builtAt = newest(built);
if (builtAt > 0 && builtAt >= Math.max(...sources.map(newest))) {
  process.stdout.write('web client is up to date (web/dist)\n');
} else {
  process.stdout.write('building the web client (web/dist)…\n');
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
