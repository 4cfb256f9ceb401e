// The demo data set of the embedded default (DEMO_DATA): a few suppliers' settings and accounts to link and look at.
// Idempotent: accounts are created once (their balances are then left alone), settings, tariffs and charges are
// written again with the same values. The README lists what a newcomer can link.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ACCOUNT_ACCESS_CHANGED,
  ACCOUNTS_REGISTERED,
  BALANCES_SET,
  type AccountAccessChanged,
  type AccountsRegistered,
  type BalancesSet,
} from '../../../core/events.js';
import type { JobQueue } from '../../../core/queue.js';
import type { Clock } from '../../../core/clock.js';
import { runSql } from '../../../core/sql.js';
import { addMonths, currentMonth } from '@kabinet/common/calendar';
import { PartnerAccountsService } from '../partner/partner-accounts.service.js';
import { LinkProof, Supplier } from '../supplier/supplier.entity.js';
import { publishSupplierSettings } from '../supplier/supplier-settings.service.js';

interface DemoAccount {
  number: string;
  address: string;
  holderName: string;
  balance: number;
  receiptPin?: string;
  receiptReading?: string;
  /** m³ per month, January first: charges follow the season. A single value: the same every month. */
  volumes: readonly number[];
}

interface DemoSupplier {
  code: string;
  settings: Partial<Supplier>;
  /** Kopecks per m³: the previous tariff (from last July) and the current one (from this July). */
  prices: readonly [number, number];
  accounts: readonly DemoAccount[];
}

const WINTER_HEAVY = [21.4, 19.8, 16.2, 11.5, 7.3, 5.1, 4.6, 4.8, 6.9, 10.7, 15.3, 19.6];

/** Bank details of the demo: valid control digits, visibly not a real payee (the QR test pays nobody). */
function demoBank(payeeName: string, inn: string, kpp: string): Partial<Supplier> {
  return {
    payeeName,
    payeeInn: inn,
    payeeKpp: kpp,
    payeeAccount: '40702810600000000001',
    bankName: 'ДЕМО-БАНК (ПАО)',
    bankBic: '044525999',
    bankCorrespondentAccount: '30101810600000000999',
  };
}

export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    code: 'sankt-peterburg',
    settings: {
      linkProof: LinkProof.METER_READING,
      ...demoBank('ЗАО "Газпром межрегионгаз Санкт-Петербург" (демо)', '7838016481', '783801001'),
      supportPhone: '+7 (812) 000-00-00',
      supportEmail: 'support@spb.demo.kabinet.localhost',
    },
    prices: [779, 821],
    accounts: [
      {
        // As on the receipt in the instruction: «Лицевой счет: 7 0 2 0 6 2 0 1 2», «Показание счетчика: 4,37507».
        number: '702062012',
        address: 'г. Санкт-Петербург, Невский пр., д. 1, кв. 1',
        holderName: 'Иванов Иван Иванович',
        balance: 123_456,
        receiptReading: '4.37507',
        volumes: WINTER_HEAVY,
      },
      {
        number: '702062013',
        address: 'г. Санкт-Петербург, ул. Садовая, д. 5, кв. 12',
        holderName: 'Иванова Мария Петровна',
        balance: -15_000,
        receiptReading: '1520.4',
        volumes: WINTER_HEAVY,
      },
    ],
  },
  {
    code: 'voronezh',
    settings: {
      linkProof: LinkProof.RECEIPT_PIN,
      ...demoBank('Межрегионгаз Воронеж (демо)', '3664000003', '366401001'),
      // Its demo meter is past verification: the cabinet names whom to ask.
      supportPhone: '+7 (473) 000-00-00',
      supportEmail: 'support@vrn.demo.kabinet.localhost',
      supportAddress: 'г. Воронеж, ул. Демонстрационная, д. 1 (демо)',
    },
    prices: [712, 749],
    accounts: [
      {
        number: '3600123456',
        address: 'г. Воронеж, ул. Кольцовская, д. 10, кв. 3',
        holderName: 'Петрова Анна Сергеевна',
        balance: 45_210,
        receiptPin: '2468',
        volumes: WINTER_HEAVY,
      },
    ],
  },
  {
    code: 'moskva',
    settings: { linkProof: LinkProof.LAST_CHARGE_AMOUNT },
    prices: [780, 821],
    accounts: [
      {
        // A gas stove without a meter: the same volume every month, so the last charge is always 82,10 ₽.
        number: '5012345678',
        address: 'г. Москва, ул. Тверская, д. 7, кв. 45',
        holderName: 'Сидоров Пётр Алексеевич',
        balance: 0,
        volumes: [10],
      },
    ],
  },
  {
    code: 'kaluga',
    // No bank details (no online payment, no QR code): the card says to pay by the receipt and gives these contacts.
    settings: {
      linkProof: LinkProof.NONE,
      supportPhone: '+7 (4842) 00-00-00',
      supportEmail: 'support@kaluga.demo.kabinet.localhost',
    },
    prices: [690, 731],
    accounts: [
      {
        number: '4000111222',
        address: 'г. Калуга, ул. Ленина, д. 3',
        holderName: 'Кузнецова Ольга Викторовна',
        balance: 8_730,
        volumes: WINTER_HEAVY,
      },
    ],
  },
];

/** How many past months of charges the demo holds. */
const MONTHS = 12;

export async function seedDemoData(em: EntityManager, deps: { queue: JobQueue; clock: Clock }): Promise<void> {
  const now = deps.clock.now();
  const thisMonth = currentMonth(now);
  const [year] = thisMonth.split('-').map(Number) as [number];
  const julyThisYear = `${thisMonth >= `${year}-07` ? year : year - 1}-07-01`;
  const julyBefore = `${Number(julyThisYear.slice(0, 4)) - 1}-07-01`;
  const dayBefore = `${julyThisYear.slice(0, 4)}-06-30`;
  const asOf = `${thisMonth}-01`;

  for (const demo of DEMO_SUPPLIERS) {
    const supplier = await em.findOne(Supplier, { code: demo.code });
    if (!supplier) continue;
    em.assign(supplier, demo.settings);
    await em.flush();
    await publishSupplierSettings(em, deps.queue, supplier);

    const partner = new PartnerAccountsService(em, supplier.id, deps.queue, now);
    const existing = new Set(
      (
        await runSql<Array<{ number: string }>>(
          em,
          `select "number" from "accounts"."personal_account" where "supplier_id" = ?`,
          [supplier.id],
        )
      ).map((r) => r.number),
    );
    if (existing.size) await republishDemoFacts(em, deps.queue, supplier.id);
    const added = demo.accounts.filter((a) => !existing.has(a.number));
    if (added.length) {
      await mustSucceed(
        partner.upsertAccounts(
          added.map((a) => ({
            number: a.number,
            address: a.address,
            holderName: a.holderName,
            services: ['Газоснабжение'],
            balance: a.balance,
            balanceAsOf: asOf,
            receiptPin: a.receiptPin ?? null,
            receiptReading: a.receiptReading ?? null,
          })),
        ),
      );
    }
    await mustSucceed(
      partner.setTariffs(
        demo.accounts.map((a) => ({
          accountNumber: a.number,
          tariffs: [
            {
              service: 'Газоснабжение',
              pricePerUnit: demo.prices[1],
              unit: 'м³',
              validFrom: julyThisYear,
              validTo: null,
            },
            {
              service: 'Газоснабжение',
              pricePerUnit: demo.prices[0],
              unit: 'м³',
              validFrom: julyBefore,
              validTo: dayBefore,
            },
          ],
        })),
      ),
    );
    await mustSucceed(
      partner.upsertCharges(
        demo.accounts.flatMap((a) =>
          Array.from({ length: MONTHS }, (_, i) => {
            const month = addMonths(thisMonth, -(i + 1));
            const volume = a.volumes.length === 1 ? a.volumes[0]! : a.volumes[Number(month.slice(5, 7)) - 1]!;
            // Unmetered accounts (one fixed volume) are billed at the current tariff, so their last charge is stable.
            const current = a.volumes.length === 1 || `${month}-01` >= julyThisYear;
            const price = current ? demo.prices[1] : demo.prices[0];
            return {
              accountNumber: a.number,
              month,
              volume: volume.toFixed(3),
              amount: Math.round(volume * price),
            };
          }),
        ),
      ),
    );
  }
}

/**
 * Tells the subgraphs that keep a copy of the accounts facts about the demo accounts and their links again, with
 * the times the facts were recorded (so nothing newer is overwritten): a subgraph added after the demo was first
 * written (payments) learns of them at the next start. Consumers ignore what they already hold.
 */
async function republishDemoFacts(em: EntityManager, queue: JobQueue, supplierId: string): Promise<void> {
  const accounts = await runSql<
    Array<{ id: string; number: string; balance_kopecks: string; as_of: string | null; recorded_at: string }>
  >(
    em,
    `select "id", "number", "balance_kopecks", to_char("balance_as_of", 'YYYY-MM-DD') as "as_of",
            "updated_at"::text as "recorded_at"
       from "accounts"."personal_account" where "supplier_id" = ?`,
    [supplierId],
  );
  if (!accounts.length) return;
  await queue.publish(em, ACCOUNTS_REGISTERED, {
    supplierId,
    accounts: accounts.map((a) => ({ id: a.id, number: a.number })),
  } satisfies AccountsRegistered);
  for (const a of accounts) {
    await queue.publish(em, BALANCES_SET, {
      at: new Date(a.recorded_at).toISOString(),
      supplierId,
      accounts: [{ id: a.id, number: a.number, balanceKopecks: Number(a.balance_kopecks), asOf: a.as_of }],
    } satisfies BalancesSet);
  }
  const links = await runSql<Array<{ abonent_id: string; account_id: string; created_at: Date }>>(
    em,
    `select l."abonent_id", l."account_id", l."created_at" from "accounts"."account_link" l
       join "accounts"."personal_account" a on a."id" = l."account_id" where a."supplier_id" = ?`,
    [supplierId],
  );
  for (const link of links) {
    await queue.publish(em, ACCOUNT_ACCESS_CHANGED, {
      abonentId: link.abonent_id,
      accountId: link.account_id,
      linked: true,
      at: new Date(link.created_at).toISOString(),
    } satisfies AccountAccessChanged);
  }
}

async function mustSucceed(result: Promise<{ ok: boolean; errors: Array<{ code: string; message: string }> }>) {
  const { ok, errors } = await result;
  if (!ok) throw new Error(`demo data refused: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
}
