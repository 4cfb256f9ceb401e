// `npm run support -- <command>`: the support desk reads requests and answers them; the abonent gets each answer by
// letter, as with the `answerSupportRequest` mutation.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { withSubgraphs } from './app.js';
import { NO_RESPONSE_EFFECTS } from './core/context.js';
import { bootstrap } from './core/process.js';
import { SupportRequest, SupportRequestStatus } from './subgraphs/identity/support/support-request.entity.js';
import { SupportAnswerStatus } from './subgraphs/identity/support/support.inputs.js';
import { SupportThreadService } from './subgraphs/identity/support/support-thread.service.js';

const USAGE = `Usage:
  npm run support -- list                       requests that wait for support (new or added to)
  npm run support -- show <number>              one request with its messages
  npm run support -- answer <number> <text…> [--waiting | --close]
                                                answer; --waiting: ask the abonent and wait, --close: close it
The abonent gets the answer by letter at the address the request gave.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    waiting: { type: 'boolean' },
    close: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, numberArg, ...words] = positionals;
if (values.help || !command || !['list', 'show', 'answer'].includes(command)) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}

class SupportInputError extends Error {}

const { config, log } = bootstrap('support');
const print = (line = '') => process.stdout.write(`${line}\n`);

try {
  await withSubgraphs(config, log, 2, async (subgraphs) => {
    const identity = subgraphs.identity;
    if ((await identity.pendingMigrations()).length) {
      throw new SupportInputError('the database is not migrated: run `npm run migrate` first');
    }
    // The command acts as no one in particular: the same service the mutation uses, with this process's queue.
    const ctx = identity.createContext({
      requestId: 'support-command',
      caller: { kind: 'anonymous' },
      clientIp: '127.0.0.1',
      log,
      response: NO_RESPONSE_EFFECTS,
    });
    await run(ctx.em, new SupportThreadService(ctx));
  });
} catch (error) {
  if (error instanceof SupportInputError) {
    process.stderr.write(`support: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`support: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

function requestNumber(): number {
  const number = Number(numberArg);
  if (!Number.isInteger(number) || number < 1) throw new SupportInputError('give the request number, e.g. 42');
  return number;
}

async function run(em: SupportThreadDeps['em'], thread: SupportThreadService): Promise<void> {
  switch (command) {
    case 'list': {
      const waiting = await em.find(
        SupportRequest,
        { status: { $in: [SupportRequestStatus.NEW, SupportRequestStatus.IN_PROGRESS] } },
        { orderBy: { createdAt: 'asc' }, limit: 200 },
      );
      if (!waiting.length) print('Nothing waits for an answer.');
      for (const r of waiting)
        print(`№ ${r.number}  ${r.createdAt.toISOString()}  ${r.status}  «${r.topic}»  ${r.contactEmail}`);
      return;
    }
    case 'show': {
      const request = await em.findOne(SupportRequest, { number: requestNumber() });
      if (!request) throw new SupportInputError(`no request № ${numberArg}`);
      print(`№ ${request.number}  «${request.topic}»  ${request.status}  answer to ${request.contactEmail}`);
      print(`${request.createdAt.toISOString()}  ABONENT`);
      print(request.message);
      for (const m of await thread.messages(request.id)) {
        print();
        print(`${m.createdAt.toISOString()}  ${m.author}`);
        print(m.text);
      }
      return;
    }
    case 'answer': {
      if (values.waiting && values.close) throw new SupportInputError('give --waiting or --close, not both');
      const status = values.close
        ? SupportAnswerStatus.CLOSED
        : values.waiting
          ? SupportAnswerStatus.WAITING_FOR_ABONENT
          : SupportAnswerStatus.ANSWERED;
      const result = await thread.answer({ number: requestNumber(), text: words.join(' '), status });
      if (!result.ok) throw new SupportInputError(result.errors.map((e) => e.message).join(' '));
      print(
        `Answered № ${result.supportRequest!.number}; status ${result.supportRequest!.status}; a letter goes to ${result.supportRequest!.contactEmail}.`,
      );
      return;
    }
  }
}

type SupportThreadDeps = ConstructorParameters<typeof SupportThreadService>[0];
