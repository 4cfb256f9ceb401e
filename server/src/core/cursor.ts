// Opaque cursors of the partner exports: the position (a timestamp as PostgreSQL prints it, and an id) of the
// last row of a page, in (time, id) order.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from './errors.js';
import { runSql } from './sql.js';

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const ID = /^[0-9a-f-]{36}$/i;

export function encodeCursor(time: string, id: string): string {
  return Buffer.from(JSON.stringify([time, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { time: string; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof time === 'string' && typeof id === 'string' && ID.test(id) && TIME.test(time)) return { time, id };
  } catch {
    // not a cursor of ours
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'Неверный курсор: передайте endCursor предыдущей страницы.', {
    field: 'after',
  });
}

export interface KeysetArgs {
  first: number;
  after?: string | null;
  since?: Date | null;
}

/**
 * One page of a partner export in (time, id) order: `select` must produce the row's `id` and its position as
 * `cursor_time` (the time column cast to text). `where` and `params` restrict the rows (the partner's supplier);
 * `since` and `after` are added here. Fetches one row more than asked to know whether a next page exists.
 */
export async function keysetPage<R extends { id: string; cursor_time: string }, N>(
  em: EntityManager,
  args: KeysetArgs,
  query: { select: string; time: string; id: string; where: string; params: readonly unknown[]; maxPage: number },
  toNode: (row: R) => N,
): Promise<{ nodes: N[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > query.maxPage) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first — от 1 до ${query.maxPage}.`, { field: 'first' });
  }
  const after = args.after == null ? null : decodeCursor(args.after);
  const params: unknown[] = [...query.params];
  let where = query.where;
  if (args.since) {
    where += ` and ${query.time} >= ?`;
    params.push(args.since.toISOString());
  }
  if (after) {
    where += ` and (${query.time}, ${query.id}) > (?::timestamptz, ?::uuid)`;
    params.push(after.time, after.id);
  }
  params.push(args.first + 1);
  const rows = await runSql<R[]>(
    em,
    `${query.select} where ${where} order by ${query.time}, ${query.id} limit ?`,
    params,
  );
  const page = rows.slice(0, args.first);
  const last = page[page.length - 1];
  return {
    nodes: page.map(toNode),
    pageInfo: {
      hasNextPage: rows.length > args.first,
      endCursor: last ? encodeCursor(last.cursor_time, last.id) : (args.after ?? null),
    },
  };
}
