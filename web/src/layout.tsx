// Page shell: skip link, header with responsive navigation, main content area and footer.
import { createEffect, createSignal, on, onCleanup, onMount, type ParentComponent } from 'solid-js';
import { A, useLocation } from '@solidjs/router';
import { APP_TITLE } from './page-title';

const NAV_ID = 'site-nav';

export const Layout: ParentComponent = (props) => {
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
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
              <li>
                <A href="/login">Вход</A>
              </li>
              <li>
                <A href="/register" class="nav-register">
                  Регистрация
                </A>
              </li>
            </ul>
          </nav>
        </div>
      </header>

      <main id="content" ref={main} tabindex="-1" class="container site-main">
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
