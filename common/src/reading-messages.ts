// The reading rules' messages, in one place: the server refuses with them and the web client checks with them.

/**
 * «99911.482» → «99 911,482»: decimals as a Russian reader writes them (no-break spaces between thousands, as the
 * web client's figures beside the message); text that is not a plain decimal is left as it is.
 */
function comma(decimal: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) return decimal.replace('.', ',');
  const whole = match[1]!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return match[2] === undefined ? whole : `${whole},${match[2]}`;
}

export const readingMessages = {
  onlyDigits: 'В показании могут быть только цифры.',
  wholeRequired: 'Введите целую часть показания (цифры до запятой).',
  valueInvalid: 'Введите показание числом, например 1234,567.',
  tooManyFractionDigits: (fractionDigits: number): string =>
    fractionDigits === 0
      ? 'У этого счётчика нет дробной части: введите целое число.'
      : `После запятой у этого счётчика не более ${fractionDigits} цифр.`,
  tooManyIntegerDigits: (integerDigits: number): string =>
    `До запятой у этого счётчика не более ${integerDigits} цифр.`,
  belowPrevious: (previous: string): string =>
    `Показание меньше предыдущего (${comma(previous)}). Если счётчик прошёл через ноль, подтвердите это.`,
  zeroConsumption: 'Показание совпадает с предыдущим: поставщик не принимает нулевой расход.',
  consumptionTooHigh: (consumption: string, days: number, maxDaily: string): string =>
    `Расход ${comma(consumption)} м³ за ${days} дн. больше допустимого поставщиком ` +
    `(${comma(maxDaily)} м³ в день). Проверьте показание.`,
  verificationExpired: (date: string): string =>
    `Срок поверки счётчика истёк ${date}: показания не принимаются до поверки. Обратитесь к поставщику.`,
  /** A consumption far above the meter's own (or, without history, the supplier's monthly maximum). */
  implausible: (consumption: string): string =>
    `Расход ${comma(consumption)} м³ намного больше обычного для этого счётчика. Проверьте показание: ` +
    'если оно верно, подтвердите его, и оно будет принято.',
  /** A rollover is recorded only after the abonent has seen what it means. */
  rolloverToConfirm: (consumption: string): string =>
    `Счётчик прошёл через ноль: расход составит ${comma(consumption)} м³. ` +
    'Проверьте показание: если оно верно, подтвердите его, и оно будет принято.',
} as const;
