import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';

describe('Metrics.gaugesFromQuery', () => {
  it('reads once for every family it feeds in a scrape, and a failed read empties them without failing the scrape', async () => {
    const metrics = new Metrics('kabinet');
    let reads = 0;
    metrics.gaugesFromQuery(async () => {
      reads += 1;
      return [{ queue: 'mail.send', depth: 3, age: 7 }];
    }, [
      {
        name: 'test_depth',
        help: 'depth',
        labelNames: ['queue'],
        values: (rows) => rows.map((r) => ({ labels: { queue: r.queue }, value: r.depth })),
      },
      {
        name: 'test_age',
        help: 'age',
        labelNames: ['queue'],
        values: (rows) => rows.map((r) => ({ labels: { queue: r.queue }, value: r.age })),
      },
    ]);
    const text = await metrics.registry.metrics();
    expect(reads).toBe(1);
    expect(text).toContain('test_depth{queue="mail.send",service="kabinet"} 3');
    expect(text).toContain('test_age{queue="mail.send",service="kabinet"} 7');

    const failing = new Metrics('kabinet');
    failing.gaugesFromQuery(async (): Promise<Array<{ queue: string }>> => {
      throw new Error('database out of reach');
    }, [
      {
        name: 'test_gone',
        help: 'gone',
        labelNames: ['queue'],
        values: (rows: Array<{ queue: string }>) => rows.map((r) => ({ labels: { queue: r.queue }, value: 1 })),
      },
    ]);
    const empty = await failing.registry.metrics();
    expect(empty).toContain('# TYPE test_gone gauge');
    expect(empty).not.toContain('test_gone{');
  });
});
