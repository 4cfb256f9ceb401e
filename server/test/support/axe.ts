// axe-core in a page: its engine evaluated through the browser's protocol (the page's CSP allows no inline script),
// then a run over the whole document; what tests check is the serious and critical violations, with their nodes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** The serious and critical axe violations on the page as it is now (WCAG 2.x A and AA and best practices). */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const script = await source;
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(script);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<any> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id as string,
        impact: v.impact as string,
        help: v.help as string,
        nodes: (v.nodes as any[]).map((n) => (n.target as string[]).join(' ')),
      }));
  });
}
