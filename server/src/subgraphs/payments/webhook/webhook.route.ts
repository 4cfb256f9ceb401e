// POST /payments/webhooks/<provider>: the acquirer's notifications. Each is verified by the provider (a signature,
// or fetching the payment back), deduplicated by its event id and applied through the status machine. Answers
// 2xx only once the change is committed, so the acquirer keeps retrying until Kabinet has it; an authentic report
// that cannot be true (refunds beyond the payment) is acknowledged with 2xx and refused with an operator alert.
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CALLER_HEADER, verifyCaller } from '../../../core/caller.js';
import type { SubgraphDependencies } from '../../../core/context.js';
import type { Logger } from '../../../core/logger.js';
import { runSql } from '../../../core/sql.js';
import { applyProviderState } from '../payment/status.js';
import { createPaymentProvider } from '../provider/index.js';
import { ProviderError } from '../provider/provider.js';

export const WEBHOOK_PATH = '/payments/webhooks/:provider';

export async function registerWebhookRoute(
  app: FastifyInstance,
  runtime: { orm: MikroORM; deps: SubgraphDependencies; log: Logger },
): Promise<void> {
  const log = runtime.log.child({ module: 'payment-webhooks' });
  // One per process: the configured acquirer does not change between notifications.
  const provider = createPaymentProvider({ ...runtime.deps, log });
  // Signatures are over the raw bytes: this route takes its body as a string, whatever the content type.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Params: { provider: string }; Body: string }>(WEBHOOK_PATH, async (request, reply) => {
      if (request.params.provider !== provider.name) return reply.code(404).send({ error: 'unknown provider' });
      try {
        const verified = await provider.verifyNotification({
          headers: request.headers,
          rawBody: typeof request.body === 'string' ? request.body : '',
          remoteAddress: senderAddress(request, runtime.deps.config.gatewaySecret),
        });
        if (!verified) {
          log.warn({ provider: provider.name }, 'refused a notification that did not verify');
          return reply.code(400).send({ error: 'notification not verified' });
        }
        const em = runtime.orm.em.fork() as EntityManager;
        const paymentId =
          verified.payment.paymentId ??
          (
            await runSql<Array<{ id: string }>>(
              em,
              `select "id" from "payments"."payment" where "provider" = ? and "provider_payment_id" = ?`,
              [provider.name, verified.payment.id],
            )
          )[0]?.id;
        if (!paymentId || !/^[0-9a-f-]{36}$/i.test(paymentId)) {
          log.warn({ providerPaymentId: verified.payment.id }, 'notification about a payment Kabinet does not have');
          return reply.code(200).send({ ok: true });
        }
        const outcome = await applyProviderState(
          em,
          { config: runtime.deps.config, queue: runtime.deps.queue, log, metrics: runtime.deps.metrics },
          {
            paymentId,
            provider: provider.name,
            reported: verified.payment,
            source: 'notification',
            eventId: verified.eventId,
          },
        );
        if (outcome.kind === 'mismatch') return reply.code(422).send({ error: `${outcome.reason} does not match` });
        // Authentic but impossible (refunds beyond the payment): acknowledged, so the acquirer stops delivering
        // what no retry can change, and left to an operator by the alert.
        if (outcome.kind === 'refused') return reply.code(200).send({ ok: false, outcome: 'refused' });
        return reply.code(200).send({ ok: true, outcome: outcome.kind });
      } catch (error) {
        const retryable = !(error instanceof ProviderError) || error.retryable;
        log.warn({ err: error }, 'a notification could not be applied now');
        return reply.code(retryable ? 503 : 400).send({ error: 'try again later' });
      }
    });
  });
}

/**
 * The sender as the public edge saw it: in distributed mode the gateway forwards notifications with a signed
 * envelope naming the client it resolved (TRUSTED_PROXIES); in one process `request.ip` is already that.
 * X-Forwarded-For is never read here.
 */
export function senderAddress(request: FastifyRequest, gatewaySecret: string): string {
  const header = request.headers[CALLER_HEADER];
  const envelope = verifyCaller(typeof header === 'string' ? header : undefined, gatewaySecret);
  return envelope.ok ? envelope.clientIp : request.ip;
}
