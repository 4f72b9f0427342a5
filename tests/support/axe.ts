// axe-core over the page a browser test shows: the accessibility bar of every view (zero violations).
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null | undefined;
  targets: string[];
}

/**
 * Runs axe on the whole document; the page's CSP is bypassed only so the axe script can load.
 * Fluent's focus manager (tabster) puts `aria-hidden` focus bumpers (`<i data-tabster-dummy>`) at
 * the edges of the page and of arrow-key groups such as a TabList: they pass focus on the moment
 * they get it, so a screen reader never lands on them (microsoft/tabster#288). Only that one rule's
 * finding on those elements is set aside; the mentor's test checks with the keyboard that focus
 * never rests on one.
 */
export async function violations(page: Page): Promise<Violation[]> {
  // Requests still in flight would leave a section half drawn.
  await page.waitForLoadState('networkidle');
  // A dialog fades in: colours measured half-way through would be half their contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; nodes: { target: unknown[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    const bumper = (id: string, html: string) => id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
    return result.violations
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.filter((n) => !bumper(v.id, n.html)).map((n) => n.target.join(' ')) }))
      .filter((v) => v.targets.length > 0);
  });
}
