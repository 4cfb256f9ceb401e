// App root: provides the GraphQL client and maps URLs to pages inside the layout.
import type { Component } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { client } from './shared/client';
import { Layout } from './shared/layout';
import { HomePage } from './home/home-page';
import { SuppliersPage } from './accounts/suppliers-page';
import { AccountsPage } from './accounts/accounts-page';
import { SettingsPage } from './identity/settings-page';
import { SupportPage } from './support/support-page';
import { LoginPage } from './identity/login-page';
import { RegisterPage } from './identity/register-page';
import { ConfirmPage } from './identity/confirm-page';
import { ConfirmPendingPage } from './identity/confirm-pending-page';
import { ForgotPasswordPage } from './identity/forgot-password-page';
import { ResetPasswordPage } from './identity/reset-password-page';
import { AgreementPage } from './identity/agreement-page';
import { PersonalDataPage } from './identity/personal-data-page';
import { NotFoundPage } from './home/not-found-page';
import { PaymentPage } from './payments/payment-page';
import { PaymentResultPage } from './payments/payment-result-page';

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
