// Reading a Prometheus text answer (/metrics) in tests, whatever order the labels come in.

/** The samples of a Prometheus text answer: `name{labels}` → value. */
export function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    found.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return found;
}

/** The sum of the samples of `name` whose labels include every pair of `labels` (0 when there is none). */
export function valueOf(all: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  return matching(all, name, labels).reduce((sum, [, value]) => sum + value, 0);
}

/** Whether `name` has a sample whose labels include every pair of `labels`. */
export function hasSample(all: Map<string, number>, name: string, labels: Record<string, string> = {}): boolean {
  return matching(all, name, labels).length > 0;
}

function matching(all: Map<string, number>, name: string, labels: Record<string, string>): Array<[string, number]> {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return [...all].filter(([key]) => {
    const brace = key.indexOf('{');
    const metric = brace < 0 ? key : key.slice(0, brace);
    const pairs = brace < 0 ? [] : key.slice(brace + 1, -1).split(/,(?=[a-z_]+=")/);
    return metric === name && wanted.every((pair) => pairs.includes(pair));
  });
}
