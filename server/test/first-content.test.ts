// The first-content benchmark measures what it says: a cold load of the built client on the throttled phone, its
// first paint and main heading in the page's clock, and what went over the (emulated) wire. Not a timed test: the
// lower bound below follows from the emulated round trips alone, whatever the machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, SLOW_PHONE } from '../../bench/first-content-measure.js';
import { useBrowserKabinet } from './support/browser-kabinet.js';
import { ROOT } from './support/processes.js';

describe('bench:first-content', () => {
  const app = useBrowserKabinet('first-content');

  it('times the first paint and the heading of «Вход» on slow 4G, with the compressed bytes transferred', async () => {
    const result = await measure(app.browser, `${app.baseUrl}/login`, 'Вход');
    // The page, its script and its page chunk each take at least one emulated round trip before the heading exists.
    expect(result.heading).toBeGreaterThanOrEqual(3 * SLOW_PHONE.latencyMs);
    expect(result.fcp).toBeGreaterThanOrEqual(2 * SLOW_PHONE.latencyMs);
    expect(result.requests).toBeGreaterThanOrEqual(3);
    // Brotli on the wire: the whole page (HTML, styles, its chunk) in fewer bytes than the shell's scripts (the entry
    // and the modules index.html preloads with it, which every page loads) have uncompressed.
    const html = readFileSync(path.join(ROOT, 'web/dist/index.html'), 'utf8');
    const shell = [...html.matchAll(/(?:src|rel="modulepreload" crossorigin href)="\/(assets\/[^"]+\.js)"/g)].map(
      (m) => m[1]!,
    );
    expect(shell.length).toBeGreaterThan(0);
    const shellBytes = shell.reduce((sum, file) => sum + readFileSync(path.join(ROOT, 'web/dist', file)).length, 0);
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.bytes).toBeLessThan(shellBytes);
  });
});
