import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes stdout synchronously, so the lines before an exit are all there and in order', () => {
    const log = createLogger('info') as unknown as Record<symbol, { sync?: boolean; fd?: number }>;
    const stream = log[pino.symbols.streamSym]!;
    expect({ fd: stream.fd, sync: stream.sync }).toEqual({ fd: 1, sync: true });
  });
});
