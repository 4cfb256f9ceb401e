// graphql-shield loads and decides on the Node this runs on (patches/graphql-shield+7.6.5.patch: its release
// imports `isUndefined` from `util`, which Node 23 removed), its chain and race rules included.
import { describe, expect, it } from 'vitest';
import { chain, race, rule, shield } from 'graphql-shield';
import { createRequire } from 'node:module';

const yes = rule({ cache: 'no_cache' })(() => true);
const no = rule({ cache: 'no_cache' })(() => false);
const args = [{}, {}, {}, {}, { allowExternalErrors: false, debug: false, fallbackRule: yes }] as const;

describe('graphql-shield on this Node', () => {
  it('loads as an ES module and as CommonJS', () => {
    expect(typeof shield).toBe('function');
    const required = createRequire(import.meta.url)('graphql-shield') as { shield: unknown };
    expect(typeof required.shield).toBe('function');
  });

  it('chains rules until one denies, and races them until one allows', async () => {
    // @ts-expect-error resolve takes graphql-shield's internal arguments; the rules here ignore them
    await expect(chain(yes, yes).resolve(...args)).resolves.toBe(true);
    // @ts-expect-error as above
    await expect(chain(yes, no).resolve(...args)).resolves.toBe(false);
    // @ts-expect-error as above
    await expect(race(no, yes).resolve(...args)).resolves.toBe(true);
    // @ts-expect-error as above
    await expect(race(no, no).resolve(...args)).resolves.toBe(false);
  });
});
