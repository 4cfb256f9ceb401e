// The dial boxes of a form's meters as typed, checked before sending by the server's own rules (the dial's digits
// and messages from @kabinet/common), with the questions the server may ask back (a rollover, an implausible reading).
import { createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { readingMessages } from '@kabinet/common/reading-messages';
import { formatReading } from '../shared/format';
import type { ReadingZone } from '../graphql/graphql';
import { compareDecimals, dialProblem, dialValue } from './meter-dial';

/** What the dial boxes of a meter need to know (the readings form and the payment page both type into them). */
export interface DialMeter {
  id: string;
  serialNumber: string;
  readingZones: readonly ReadingZone[];
  integerDigits: number;
  fractionDigits: number;
  comparisonReadings: ReadonlyArray<{ zone: ReadingZone; value: string }>;
}

/** One box pair on a form: a meter's zone. */
export interface DialEntry<M extends DialMeter = DialMeter> {
  key: string;
  meter: M;
  zone: ReadingZone;
}

export interface Typed {
  integer: string;
  fraction: string;
  /** The abonent confirmed that the dial went past its maximum and started from zero. */
  rollover: boolean;
  /** The reading is below the previous one: the rollover checkbox is offered. */
  offerRollover: boolean;
  /** The server asked to confirm this reading (READING_IMPLAUSIBLE): what it would mean, until the typing changes. */
  implausible?: { consumption: string | null; chargePreview: number | null };
  /** The abonent confirmed it. */
  confirmImplausible: boolean;
}

const EMPTY: Typed = { integer: '', fraction: '', rollover: false, offerRollover: false, confirmImplausible: false };

export const ZONE_NAMES: Record<ReadingZone, string> = { TOTAL: '', DAY: 'день', NIGHT: 'ночь' };

function belowPreviousMessage(previous: { value: string }, meter: DialMeter): string {
  return readingMessages.belowPrevious(formatReading(previous.value, meter.fractionDigits));
}

/** The key of a meter's zone on a form, `<meter id>:<zone>`. */
export function entryKey(meterId: string, zone: ReadingZone): string {
  return `${meterId}:${zone}`;
}

/**
 * The dial boxes of some meters as typed, and what is wrong with them, checked before sending by the server's rules
 * (digits, the dial's size, not below the reading it is compared with unless a rollover through zero is confirmed).
 * The readings form and the payment page («Передать показания вместе с оплатой») both use it.
 */
export function createDialEntries<M extends DialMeter>(meters: () => readonly M[]) {
  const [typed, setTyped] = createStore<Record<string, Typed>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});

  const entries = createMemo<DialEntry<M>[]>(() =>
    meters().flatMap((meter) => meter.readingZones.map((zone) => ({ key: entryKey(meter.id, zone), meter, zone }))),
  );
  const field = (key: string): Typed => typed[key] ?? EMPTY;
  const valueOf = (key: string) => dialValue(field(key).integer, field(key).fraction);
  /** The reading the typed one is compared with (as the server tells it), when the typed one is below it. */
  const belowPrevious = (entry: DialEntry<M>): { value: string } | undefined => {
    const current = field(entry.key);
    const value = dialValue(current.integer, current.fraction);
    if (!value || dialProblem(current.integer, current.fraction, entry.meter)) return undefined;
    const previous = entry.meter.comparisonReadings.find((c) => c.zone === entry.zone);
    return previous && compareDecimals(value, previous.value) < 0 ? previous : undefined;
  };

  /** What is wrong with an entry as typed; below the previous reading, the rollover checkbox is offered instead. */
  const problemOf = (entry: DialEntry<M>): string | undefined => {
    const current = field(entry.key);
    const shape = dialProblem(current.integer, current.fraction, entry.meter);
    if (shape) return shape;
    const previous = belowPrevious(entry);
    if (!previous) return undefined;
    if (!current.offerRollover) setTyped(entry.key, { ...current, offerRollover: true });
    return current.rollover ? undefined : belowPreviousMessage(previous, entry.meter);
  };

  const setFieldError = (key: string, message: string | undefined) =>
    setErrors((current) => {
      const next = { ...current };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });

  /** Typing changes an entry: a shown error follows the typing. */
  const update = (entry: DialEntry<M>, change: Partial<Typed>) => {
    const typedAgain = 'integer' in change || 'fraction' in change || 'rollover' in change;
    setTyped(entry.key, {
      ...field(entry.key),
      ...change,
      // Another value is another question: the confirmation asked for the old one no longer applies.
      ...(typedAgain ? { implausible: undefined, confirmImplausible: false } : {}),
    });
    // Corrected to a value not below the previous one: the rollover question is gone.
    if (field(entry.key).offerRollover && !belowPrevious(entry) && !('rollover' in change)) {
      setTyped(entry.key, { ...field(entry.key), offerRollover: false, rollover: false });
    }
    if (errors()[entry.key]) setFieldError(entry.key, problemOf(entry));
  };

  /** The problems of every entry, by key; with `required`, an empty form is one (by its first box). */
  const problems = (required: boolean): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const entry of entries()) {
      const problem = problemOf(entry);
      if (problem) found[entry.key] = problem;
    }
    const first = entries()[0];
    if (required && Object.keys(found).length === 0 && first && !entries().some((e) => valueOf(e.key))) {
      found[first.key] = 'Введите показание счётчика.';
    }
    return found;
  };

  /** What was typed, as the API takes it (`ReadingInput`), each with its entry. */
  const readings = () =>
    entries()
      .filter((entry) => valueOf(entry.key))
      .map((entry) => {
        const current = field(entry.key);
        return {
          entry,
          input: {
            meterId: entry.meter.id,
            zone: entry.zone,
            value: valueOf(entry.key),
            confirmRollover: current.offerRollover && current.rollover,
            confirmImplausible: Boolean(current.implausible) && current.confirmImplausible,
          },
        };
      });

  return {
    entries,
    field,
    errors,
    setErrors,
    update,
    problems,
    readings,
    /** The server refused a reading as below the previous one: the rollover question is offered. */
    offerRollover: (key: string) => setTyped(key, { ...field(key), offerRollover: true }),
    /** The server asks to confirm a reading, with what it would mean. */
    askToConfirm: (key: string, implausible: NonNullable<Typed['implausible']>) =>
      setTyped(key, { ...field(key), implausible, confirmImplausible: false }),
    /** Empties an entry's boxes (its reading was accepted). */
    clear: (key: string) => setTyped(key, { ...EMPTY }),
  };
}
