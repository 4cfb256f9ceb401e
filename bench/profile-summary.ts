// `node --import tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile (node --cpu-prof)
// spent its time: self time by package (or project folder) and by function, as the results quote them.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarize(profile: Profile, top = 25): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    const where = place(url, functionName);
    packages.set(where, (packages.get(where) ?? 0) + time);
    const fn = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|bench)\//, '$1/')}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + time);
  }
  // Inclusive time of the project's own functions (their callees included): what a change there can win.
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, time] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const { functionName, url, lineNumber } = byNode.get(at)!.callFrame;
      const own = /\/(server\/src\/.*)$/.exec(url);
      if (!own) continue;
      const key = `${functionName || '(anonymous)'} ${own[1]}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + time);
    }
  }
  const table = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => `| ${((100 * time) / total).toFixed(1)} % | ${name.replace(/\|/g, '\\|')} |`)
      .join('\n');
  return `self time ${(total / 1e6).toFixed(1)} s\n\n| share | package or folder |\n|---|---|\n${table(packages)}\n\n| share | function |\n|---|---|\n${table(functions)}\n\n| share, callees included | project function |\n|---|---|\n${table(inclusive)}\n`;
}

function place(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(server\/src\/[^/]+(?:\/[^/]+)?|bench)\//.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return 'node (' + url.slice(5).split('/')[0] + ')';
  return url;
}

if (process.argv[2]) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
  console.log(summarize(profile, Number(process.argv[3] ?? 25)));
}
