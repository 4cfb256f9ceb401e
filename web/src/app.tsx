// App root: provides the GraphQL client and maps URLs to pages inside the layout. Each page is a chunk of its own,
// loaded when its route is first opened: the first page a phone opens downloads and parses only itself.
import { lazy, type Component } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { client } from './shared/client';
import { Layout } from './shared/layout';

const HomePage = lazy(() => import('./home/home-page').then((m) => ({ default: m.HomePage })));
const SuppliersPage = lazy(() => import('./accounts/suppliers-page').then((m) => ({ default: m.SuppliersPage })));
const AccountsPage = lazy(() => import('./accounts/accounts-page').then((m) => ({ default: m.AccountsPage })));
const SettingsPage = lazy(() => import('./identity/settings-page').then((m) => ({ default: m.SettingsPage })));
const SupportPage = lazy(() => import('./support/support-page').then((m) => ({ default: m.SupportPage })));
const LoginPage = lazy(() => import('./identity/login-page').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('./identity/register-page').then((m) => ({ default: m.RegisterPage })));
const ConfirmPage = lazy(() => import('./identity/confirm-page').then((m) => ({ default: m.ConfirmPage })));
const ConfirmPendingPage = lazy(() =>
  import('./identity/confirm-pending-page').then((m) => ({ default: m.ConfirmPendingPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./identity/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./identity/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const AgreementPage = lazy(() => import('./identity/agreement-page').then((m) => ({ default: m.AgreementPage })));
const PersonalDataPage = lazy(() =>
  import('./identity/personal-data-page').then((m) => ({ default: m.PersonalDataPage })),
);
const NotFoundPage = lazy(() => import('./home/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const PaymentPage = lazy(() => import('./payments/payment-page').then((m) => ({ default: m.PaymentPage })));
const PaymentResultPage = lazy(() =>
  import('./payments/payment-result-page').then((m) => ({ default: m.PaymentResultPage })),
);

export const App: Component = () => (
  <Provider value={client}>
    <Router root={Layout}>
      <Route path="/" component={HomePage} />
      <Route path="/suppliers" component={SuppliersPage} />
      <Route path="/accounts" component={AccountsPage} />
      <Route path="/oplata/rezultat" component={PaymentResultPage} />
      <Route path="/oplata/:accountId" component={PaymentPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/support" component={SupportPage} />
      <Route path="/login" component={LoginPage} />
      <Route path="/register" component={RegisterPage} />
      <Route path="/confirm" component={ConfirmPage} />
      <Route path="/confirm-pending" component={ConfirmPendingPage} />
      <Route path="/forgot-password" component={ForgotPasswordPage} />
      <Route path="/reset-password" component={ResetPasswordPage} />
      <Route path="/documents/agreement" component={AgreementPage} />
      <Route path="/documents/personal-data" component={PersonalDataPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  </Provider>
);
