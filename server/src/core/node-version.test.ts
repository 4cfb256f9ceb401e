// The supported Node versions are the ones package.json declares; older ones are told so at start.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimumNode, unsupportedNodeWarning } from './node-version.js';

describe('supported Node versions', () => {
  it('are 22 from 22.15 (what the production dependencies declare) and 24 LTS onward', () => {
    expect(minimumNode()).toEqual([22, 15]);
    for (const version of ['22.15.0', '22.23.5', '24.0.0', '24.22.3', '26.1.0']) {
      expect(unsupportedNodeWarning(version), version).toBeNull();
    }
  });

  it('warns on older ones, saying what to install; on Node 20 that it is past its end of life', () => {
    expect(unsupportedNodeWarning('20.20.2')).toBe(
      'Node 20.20.2 is past its end of life and is not supported: install Node 24 LTS (or 22.15+). ' +
        'Kabinet still starts on it, but some of its packages declare newer Node versions and may stop working.',
    );
    expect(unsupportedNodeWarning('22.14.0')).toMatch(/^Node 22\.14\.0 is not supported: install Node 24 LTS/);
  });

  it('is what the README says', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('Node.js 24 LTS or 22.15+');
  });
});
