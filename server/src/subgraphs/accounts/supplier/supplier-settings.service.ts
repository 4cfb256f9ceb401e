// Changing a supplier's settings: every field checked (with control digits for payee details), then one write.
import type { EntityManager } from '@mikro-orm/postgresql';
import { SUPPLIER_SETTINGS_CHANGED, type SupplierSettingsChanged } from '../../../core/events.js';
import type { JobQueue } from '../../../core/queue.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import {
  isValidBic,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidSettlementAccount,
} from './bank-details.js';
import type { SupplierSettingsInput } from './supplier-settings.inputs.js';
import { UpdateSupplierSettingsPayload } from './supplier-settings.payloads.js';
import { Supplier } from './supplier.entity.js';
import type { PayloadCode } from '../../../core/payload-codes.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RECEIPT_PATH = /^\/receipts\/[a-z0-9][a-z0-9-]*\.(svg|png|jpg|webp)$/;

export async function updateSupplierSettings(
  em: EntityManager,
  queue: JobQueue,
  supplierId: string,
  input: SupplierSettingsInput,
): Promise<UpdateSupplierSettingsPayload> {
  const errors: UserError[] = [];
  const error = (field: string, code: PayloadCode, message: string) => errors.push(UserError.of(field, code, message));
  const changes: Partial<Supplier> = {};

  if (input.linkProof != null) changes.linkProof = input.linkProof;
  if (input.accountNumberFormat) {
    const { minDigits, maxDigits } = input.accountNumberFormat;
    if (!(minDigits >= 1 && maxDigits <= 20 && minDigits <= maxDigits)) {
      error('accountNumberFormat', 'FORMAT_INVALID', 'Число цифр: от 1 до 20, минимум не больше максимума.');
    }
    changes.accountNumberMinDigits = minDigits;
    changes.accountNumberMaxDigits = maxDigits;
  }
  if (input.readingClosingDay != null) {
    if (!(input.readingClosingDay >= 1 && input.readingClosingDay <= 28)) {
      error('readingClosingDay', 'DAY_INVALID', 'День закрытия периода — от 1 до 28.');
    }
    changes.readingClosingDay = input.readingClosingDay;
  }
  if (input.bankDetails) {
    const b = input.bankDetails;
    const at = (name: string) => `bankDetails.${name}`;
    const payeeName = b.payeeName.trim();
    const bankName = b.bankName.trim();
    if (!payeeName || payeeName.length > 160)
      error(at('payeeName'), 'NAME_INVALID', 'Наименование получателя: до 160 символов.');
    if (!bankName || bankName.length > 45) error(at('bankName'), 'NAME_INVALID', 'Наименование банка: до 45 символов.');
    if (!isValidInn(b.inn)) error(at('inn'), 'INN_INVALID', 'ИНН: 10 или 12 цифр с верным контрольным числом.');
    if (b.kpp != null && !isValidKpp(b.kpp)) error(at('kpp'), 'KPP_INVALID', 'КПП: 9 знаков, например 783801001.');
    if (!isValidBic(b.bic)) error(at('bic'), 'BIC_INVALID', 'БИК: 9 цифр, начинается с 04.');
    else {
      if (!isValidSettlementAccount(b.account, b.bic)) {
        error(at('account'), 'ACCOUNT_INVALID', 'Расчётный счёт: 20 цифр, контрольный разряд не сходится с БИК.');
      }
      if (!isValidCorrespondentAccount(b.correspondentAccount, b.bic)) {
        error(at('correspondentAccount'), 'ACCOUNT_INVALID', 'Корр. счёт: 20 цифр, начинается с 301, сходится с БИК.');
      }
    }
    Object.assign(changes, {
      payeeName,
      payeeInn: b.inn,
      payeeKpp: b.kpp ?? null,
      payeeAccount: b.account,
      bankName,
      bankBic: b.bic,
      bankCorrespondentAccount: b.correspondentAccount,
    });
  }
  if (input.receiptSampleUrl != null) {
    if (!RECEIPT_PATH.test(input.receiptSampleUrl)) {
      error('receiptSampleUrl', 'URL_INVALID', 'Образец квитанции — файл веб-клиента, путь вида /receipts/moskva.svg.');
    }
    changes.receiptSampleUrl = input.receiptSampleUrl;
  }
  if (input.support) {
    const { phone, email, website } = input.support;
    const address = input.support.address?.trim() || null;
    if (address !== null && address.length > 300)
      error('support.address', 'ADDRESS_INVALID', 'Адрес: не более 300 символов.');
    if (phone != null && !/^[+\d][\d\s()-]{4,48}$/.test(phone))
      error('support.phone', 'PHONE_INVALID', 'Телефон: цифры, пробелы, скобки, дефисы.');
    if (email != null && (!EMAIL.test(email) || email.length > 254))
      error('support.email', 'EMAIL_INVALID', 'Укажите адрес электронной почты.');
    if (website != null && !/^https:\/\/[^\s]{3,290}$/.test(website))
      error('support.website', 'URL_INVALID', 'Сайт: адрес, начинающийся с https://.');
    Object.assign(changes, {
      supportPhone: phone ?? null,
      supportEmail: email ?? null,
      website: website ?? null,
      supportAddress: address,
    });
  }
  if (errors.length) return failed(UpdateSupplierSettingsPayload, errors, { supplier: null });

  const supplier = await em.transactional(async (tx) => {
    const found = await tx.findOneOrFail(Supplier, { id: supplierId });
    tx.assign(found, changes);
    await tx.flush();
    await publishSupplierSettings(tx, queue, found);
    return found;
  });
  return succeeded(UpdateSupplierSettingsPayload, { supplier });
}

/** Tells the other subgraphs the settings they act on (closing day, payee), in the writing transaction. */
export async function publishSupplierSettings(tx: EntityManager, queue: JobQueue, supplier: Supplier): Promise<void> {
  const bank = supplier.bankDetails;
  await queue.publish(tx, SUPPLIER_SETTINGS_CHANGED, {
    supplierId: supplier.id,
    readingClosingDay: supplier.readingClosingDay,
    supplierName: supplier.name,
    payee: bank ? { name: bank.payeeName, inn: bank.inn } : null,
    at: new Date().toISOString(),
  } satisfies SupplierSettingsChanged);
}
