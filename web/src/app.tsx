// App root: provides the GraphQL client and maps URLs to pages inside the layout.
import type { Component } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { client } from './client';
import { Layout } from './layout';
import { HomePage } from './pages/home-page';
import { SuppliersPage } from './pages/suppliers-page';
import { AccountsPage } from './pages/accounts-page';
import { SettingsPage } from './pages/settings-page';
import { SupportPage } from './pages/support-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { ConfirmPage } from './pages/confirm-page';
import { ConfirmPendingPage } from './pages/confirm-pending-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { ResetPasswordPage } from './pages/reset-password-page';
import { AgreementPage } from './pages/agreement-page';
import { PersonalDataPage } from './pages/personal-data-page';
import { NotFoundPage } from './pages/not-found-page';
import { PaymentPage } from './pages/payment-page';
import { PaymentResultPage } from './pages/payment-result-page';

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
