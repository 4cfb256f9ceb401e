// Formats dates the way the seed document writes them (ДД.ММ.ГГГГ, Moscow time).
const DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * `2026-11-27T10:00:00Z` → `27.11.2026`; an empty string for a missing or unreadable date.
 * Takes `unknown` because codegen types the DateTimeISO scalar so (an ISO string on the wire).
 */
export function formatDate(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date);
}
