// A production environment that starts: every required secret and detail set (none of them real).
export const PRODUCTION_ENV: Readonly<Record<string, string>> = Object.freeze({
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://lk.example.ru',
  GATEWAY_SECRET: 'g'.repeat(32),
  CAPTCHA_SECRET: 'c'.repeat(32),
  SANDBOX_ACQUIRER_SECRET: 's'.repeat(32),
  SMTP_URL: 'smtp://mail.example.ru',
  OPERATOR_NAME: 'ООО «Газ Онлайн»',
  OPERATOR_INN: '7701234567',
  OPERATOR_ADDRESS: '101000, г. Москва, ул. Мясницкая, д. 1',
  PAYMENT_PROVIDER: 'yookassa',
  YOOKASSA_SHOP_ID: '123',
  YOOKASSA_SECRET_KEY: 'live_secret_key',
});
