import { describe, expect, it } from 'vitest';
import { conflictSaver, mergeEdit } from '../../shared/conflicts';

const base = { title: 'Run incident reviews', description: '', risks: '', metric: 'reviews' };

describe('mergeEdit (a stale form against the version stored now)', () => {
  it('keeps what the person typed, takes what only the other save changed, and reports a field both changed', () => {
    const mine = { ...base, title: 'Lead incident reviews', description: 'Typed while the other save happened.', risks: 'Few incidents.' };
    const theirs = { ...base, title: 'Run two incident reviews', metric: 'reviews led' };
    const merged = mergeEdit(base, mine, theirs);
    expect(merged.values).toEqual({
      title: 'Lead incident reviews',
      description: 'Typed while the other save happened.',
      risks: 'Few incidents.',
      metric: 'reviews led',
    });
    expect(merged.kept).toEqual(['description', 'risks']);
    expect(merged.taken).toEqual(['metric']);
    expect(merged.clashes).toEqual([{ field: 'title', mine: 'Lead incident reviews', theirs: 'Run two incident reviews' }]);
  });

  it('is no clash when both made the same change, and nothing moves when only the stored version’s other parts changed', () => {
    const same = { ...base, risks: 'Few incidents.' };
    expect(mergeEdit(base, same, same)).toEqual({ values: same, clashes: [], taken: [], kept: [] });
    expect(mergeEdit(base, base, base)).toEqual({ values: base, clashes: [], taken: [], kept: [] });
  });

  it('compares with the given equality, e.g. ignoring surrounding spaces', () => {
    const merged = mergeEdit(
      base,
      { ...base, title: ' Run incident reviews ' },
      { ...base, title: 'Other' },
      (a, b) => a.trim() === b.trim(),
    );
    expect(merged).toMatchObject({ clashes: [], taken: ['title'], values: { title: 'Other' } });
  });
});

describe('conflictSaver (who stored the newer version)', () => {
  const names: Record<string, string> = { priya: 'Priya Raman' };
  const nameOf = (id: string) => names[id];
  it('tells the same person apart from someone else, and says nothing it does not know', () => {
    expect(conflictSaver('alex', 'alex', nameOf)).toEqual({ kind: 'you' });
    expect(conflictSaver('priya', 'alex', nameOf)).toEqual({ kind: 'person', name: 'Priya Raman' });
    expect(conflictSaver('stranger', 'alex', nameOf)).toEqual({ kind: 'unknown' });
    expect(conflictSaver(undefined, 'alex', nameOf)).toEqual({ kind: 'unknown' });
  });
});
