// Opaque cursors of the partner exports: the position (a timestamp as PostgreSQL prints it, and an id) of the
// last row of a page, in (time, id) order.
import { AppError, ErrorCode } from './errors.js';

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
