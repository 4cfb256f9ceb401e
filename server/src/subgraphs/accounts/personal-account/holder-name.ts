// How an account holder's name is shown to abonents: enough to recognise, not enough to learn it.

/** «Иванов И. И.» → «И***в И. И.»; «Иванов Иван Иванович» → «И***в И. И.». */
export function maskHolderName(name: string): string {
  const [surname, ...rest] = name.trim().split(/\s+/);
  if (!surname) return '';
  const chars = [...surname];
  const masked = chars.length <= 2 ? `${chars[0]}***` : `${chars[0]}***${chars[chars.length - 1]}`;
  const initials = rest
    .map((part) => [...part.replace(/^[^\p{L}]+/u, '')][0])
    .filter(Boolean)
    .map((letter) => `${letter!.toUpperCase()}.`);
  return [masked, ...initials].join(' ');
}
