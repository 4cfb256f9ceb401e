// The code's layout as docs/architecture.md states it: the web never imports server code, the shared module
// (common/) imports neither side, and no hand-written web file grows much past 400 lines.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return rel === 'web/src/graphql' ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

/** Where each import of a file points, resolved to a path from the repository root (packages as their names). */
function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\(\s*|import\s+)'([^']+)'/g)].map(([, spec]) =>
    spec!.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec!)) : spec!,
  );
}

describe('layout', () => {
  it('keeps server code out of the web client and both sides out of the shared module', () => {
    const crossings: string[] = [];
    for (const file of sources('web/src')) {
      for (const target of imports(file)) {
        if (target.startsWith('server/') || target.startsWith('@kabinet/server')) crossings.push(`${file} → ${target}`);
      }
    }
    for (const file of sources('common/src')) {
      for (const target of imports(file)) {
        if (!target.startsWith('common/src/') && target !== 'vitest') crossings.push(`${file} → ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('keeps every hand-written web and shared file within 400 lines', () => {
    const long = [...sources('web/src'), ...sources('common/src')]
      .map((file) => ({ file, lines: readFileSync(path.join(ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('has the web client import money and dates from the shared module', () => {
    const format = imports('web/src/shared/format.ts');
    expect(format).toContain('@kabinet/common/money');
    expect(format).toContain('@kabinet/common/dates');
  });
});
