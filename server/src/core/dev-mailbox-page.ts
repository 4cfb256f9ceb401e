// /dev/mail: the development mailbox, where letters land when no SMTP_URL is set. Never in production.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { createMailTransport, DevMailbox, escapeHtml } from './mail.js';

export function registerDevMailbox(app: FastifyInstance, config: Config): void {
  const transport = createMailTransport(config);
  if (config.isProduction || !(transport instanceof DevMailbox)) return;
  app.get('/dev/mail.json', async () => ({ letters: await transport.list() }));
  app.get('/dev/mail', async (_request, reply) => {
    const letters = await transport.list();
    const items = letters
      .map(
        (l) => `<article>
  <h2>${escapeHtml(l.subject)}</h2>
  <p class="meta">Кому: ${escapeHtml(l.to)} · ${escapeHtml(new Date(l.createdAt).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' }))}</p>
  <pre>${escapeHtml(l.text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</pre>
</article>`,
      )
      .join('\n');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Почта разработчика — Личный кабинет абонента</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
article{border:1px solid #ccd;border-radius:.5rem;padding:0 1rem 1rem;margin:1rem 0}.meta{color:#555}
pre{white-space:pre-wrap;font-family:inherit}</style></head>
<body><h1>Почта разработчика</h1>
<p>Письма, которые Kabinet отправил бы абонентам. SMTP_URL не задан, поэтому они сохраняются здесь (только в режиме разработки).</p>
${items || '<p>Писем пока нет.</p>'}
</body></html>`);
  });
}
