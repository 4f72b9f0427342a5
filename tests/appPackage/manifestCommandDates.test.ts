// The manifest's command list is static text that Teams shows for years: an example in it must not
// be a date, which would one day lie in the past.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../appPackage/buildPackage';

describe('the manifest’s command descriptions', () => {
  it('name no calendar date', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'appPackage/manifest.json'), 'utf8'));
    const descriptions: string[] = manifest.bots.flatMap((b: any) =>
      b.commandLists.flatMap((l: any) => l.commands.map((c: any) => c.description)),
    );
    expect(descriptions.length).toBeGreaterThan(0);
    expect(descriptions.filter((d) => /\d{4}-\d{2}-\d{2}/.test(d))).toEqual([]);
    expect(descriptions).toContain('Pauses check-ins for a while: pause 2 weeks, or pause until a date.');
  });
});
