// Sets document.title for the page currently shown.
export const APP_TITLE = 'Личный кабинет абонента';

/** Call from a page component: «<page> — Личный кабинет абонента», or the bare app title. */
export function setPageTitle(page?: string): void {
  document.title = page ? `${page} — ${APP_TITLE}` : APP_TITLE;
}
