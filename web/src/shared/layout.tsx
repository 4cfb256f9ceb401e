// Page shell: skip link, header with responsive navigation and the session, main content area and footer.
import {
  createEffect,
  createSignal,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
  type ParentComponent,
} from 'solid-js';
import { A, useLocation, useNavigate } from '@solidjs/router';
import { APP_TITLE } from './page-title';
import { currentAbonent, logout, session, startSession } from './session';

const NAV_ID = 'site-nav';

export const Layout: ParentComponent = (props) => {
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = createSignal(false);
  onMount(startSession);

  const leave = async () => {
    if (loggingOut()) return;
    setLoggingOut(true);
    const ok = await logout();
    setLoggingOut(false);
    if (ok) navigate('/login');
  };

  /** A one-off message a page passes along with a navigation, e.g. after deleting the cabinet. */
  const notice = () => {
    const state = location.state as { notice?: unknown } | null | undefined;
    return typeof state?.notice === 'string' ? state.notice : undefined;
  };
  const unconfirmed = () => {
    const abonent = currentAbonent();
    return abonent && !abonent.emailConfirmed && location.pathname !== '/confirm-pending';
  };
  let menuButton: HTMLButtonElement | undefined;
  let main: HTMLElement | undefined;

  // After a client-side navigation close the phone menu and move focus to the new
  // page content, so keyboard and screen-reader users start where the page starts.
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        main?.focus({ preventScroll: true });
      },
      { defer: true },
    ),
  );

  // Escape closes the phone menu and returns focus to its button.
  onMount(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && menuOpen()) {
        setMenuOpen(false);
        menuButton?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    onCleanup(() => document.removeEventListener('keydown', onKeyDown));
  });

  // The router intercepts in-page links, so the skip link moves focus itself.
  const skipToContent = (event: MouseEvent) => {
    event.preventDefault();
    main?.focus();
  };

  return (
    <div class="page">
      <a class="skip-link" href="#content" on:click={skipToContent}>
        Перейти к основному содержимому
      </a>

      <header class="site-header">
        <div class="container header-bar">
          <A href="/" end class="brand">
            {APP_TITLE}
          </A>
          <button
            ref={menuButton}
            type="button"
            class="menu-button"
            aria-expanded={menuOpen()}
            aria-controls={NAV_ID}
            onClick={() => setMenuOpen(!menuOpen())}
          >
            <span class="menu-icon" aria-hidden="true" />
            Меню
          </button>
          <nav id={NAV_ID} class="site-nav" classList={{ 'is-open': menuOpen() }} aria-label="Основная навигация">
            <ul class="nav-list">
              <li>
                <A href="/suppliers">Поставщики</A>
              </li>
              <li>
                <A href="/accounts">Лицевые счета</A>
              </li>
              <li>
                <A href="/settings">Настройки</A>
              </li>
              <li>
                <A href="/support">Поддержка</A>
              </li>
            </ul>
            <ul class="nav-list nav-account">
              <Switch>
                <Match when={currentAbonent()}>
                  {(abonent) => (
                    <>
                      <li class="nav-user" title={abonent().email}>
                        <span class="visually-hidden">Вы вошли как </span>
                        <span data-testid="session-email">{abonent().email}</span>
                      </li>
                      <li>
                        <button type="button" class="nav-button" disabled={loggingOut()} onClick={() => void leave()}>
                          Выйти
                        </button>
                      </li>
                    </>
                  )}
                </Match>
                <Match when={session().status !== 'loading'}>
                  <li>
                    <A href="/login">Вход</A>
                  </li>
                  <li>
                    <A href="/register" class="nav-register">
                      Регистрация
                    </A>
                  </li>
                </Match>
              </Switch>
            </ul>
          </nav>
        </div>
      </header>

      <Show when={unconfirmed()}>
        <div class="confirm-banner">
          <div class="container">
            <A href="/confirm-pending">Подтвердите адрес электронной почты</A>
          </div>
        </div>
      </Show>

      <main id="content" ref={main} tabindex="-1" class="container site-main">
        <Show when={notice()}>
          <p class="notice-success" role="status">
            {notice()}
          </p>
        </Show>
        {props.children}
      </main>

      <footer class="site-footer">
        <div class="container">
          <p>
            Вопросы по работе Личного кабинета можно задать в разделе <A href="/support">«Поддержка»</A>.
          </p>
        </div>
      </footer>
    </div>
  );
};
