import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPairIds, demoPairs } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { peopleTable } from '../../bot/storage/peopleTable';
import { planRowsFilter, planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import {
  assertFitsInTable,
  decodeKey,
  encodeKey,
  ensureTables,
  EntityTooLargeError,
  openTables,
  type Tables,
} from '../../bot/storage/tables';
import type { Goal, GoalRevision } from '../../shared/goal';
import { newTablePrefix, testConnectionString } from '../support/storage';

let tables: Tables;
let plans: ReturnType<typeof planTable>;
const now = new Date('2026-11-21T12:00:00Z');

beforeAll(async () => {
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  plans = planTable(tables);
  await seedDemo({ people: peopleTable(tables), programs: programTable(tables), plans }, now);
});

const revisionOf = (g: Goal, revision: number): GoalRevision => ({
  goalId: g.id,
  revision,
  change: 'updated',
  at: now.toISOString(),
  by: g.createdBy,
  fields: [],
});

describe('plan table', () => {
  it('loads a whole plan with one partition query and no point reads', async () => {
    const list = vi.spyOn(tables.plans, 'listEntities');
    const get = vi.spyOn(tables.plans, 'getEntity');
    const plan = await plans.load(demoPairIds.alex);
    expect(list).toHaveBeenCalledTimes(1);
    expect(get).not.toHaveBeenCalled();
    list.mockRestore();
    get.mockRestore();
    const seeded = demoPairs(now).find((p) => p.mentorship.id === demoPairIds.alex)!;
    expect(plan?.mentorship.value).toEqual(seeded.mentorship);
    expect(plan?.goals.map((g) => g.value.id).sort()).toEqual(seeded.goals.map((g) => g.id).sort());
    expect(plan?.milestones).toHaveLength(seeded.milestones.length);
    expect(plan?.activities).toHaveLength(seeded.activities.length);
    expect(plan?.members.mentee.displayName).toBe('Alex Chen');
  });

  it('leaves goal history out of the plan query and reads it on demand', async () => {
    const rows: string[] = [];
    for await (const row of tables.plans.listEntities({ queryOptions: { filter: planRowsFilter(demoPairIds.alex) } }))
      rows.push(row.rowKey ?? '');
    expect(rows.some((k) => k.startsWith('goalrev|'))).toBe(false);
    const history = await plans.goalHistory(demoPairIds.alex, 'alex-oncall');
    expect(history.map((r) => r.change)).toEqual(['created']);
  });

  it('finds a person’s pairs through the index', async () => {
    const plan = await plans.load(demoPairIds.alex);
    const refs = await plans.pairsOf(plan!.mentorship.value.mentorId);
    expect(refs.map((r) => r.pairId).sort()).toEqual([demoPairIds.alex, demoPairIds.sam]);
    expect(refs.every((r) => r.role === 'mentor')).toBe(true);
  });

  it('refuses a stale ETag, returns the current version and writes no history entry', async () => {
    const plan = await plans.load(demoPairIds.alex);
    const original = plan!.goals.find((g) => g.value.id === 'alex-speaking')!;
    const first = await plans.updateGoal(
      { ...original.value, title: 'First edit', revision: 2 },
      original.etag,
      revisionOf(original.value, 2),
    );
    expect(first.ok).toBe(true);
    const second = await plans.updateGoal(
      { ...original.value, title: 'Second edit from a stale copy', revision: 2 },
      original.etag,
      revisionOf(original.value, 2),
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('conflict');
    expect(second.error.current).toMatchObject({ value: { title: 'First edit' } });
    const history = await plans.goalHistory(demoPairIds.alex, 'alex-speaking');
    expect(history.map((r) => r.revision)).toEqual([1, 2]);
    const reloaded = await plans.load(demoPairIds.alex);
    expect(reloaded!.goals.find((g) => g.value.id === 'alex-speaking')!.value.title).toBe('First edit');
  });

  it('refuses a stale ETag on milestones and deletes', async () => {
    const plan = await plans.load(demoPairIds.sam);
    const m = plan!.milestones[0]!;
    const done = await plans.updateMilestone(demoPairIds.sam, { ...m.value, done: true }, m.etag);
    expect(done.ok).toBe(true);
    const stale = await plans.updateMilestone(demoPairIds.sam, { ...m.value, title: 'stale' }, m.etag);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('conflict');
    const del = await plans.deleteMilestone(demoPairIds.sam, m.value.id, m.etag);
    expect(del.ok ? 'ok' : del.error.code).toBe('conflict');
  });
});

describe('table keys', () => {
  it('encode / \\ # ? and control characters reversibly', () => {
    const hostile = "a/b\\c#d?e%f\u0001g' or 1 eq 1";
    const key = encodeKey(hostile);
    expect(key).not.toMatch(/[/\\#?\u0000-\u001f]/);
    expect(decodeKey(key)).toBe(hostile);
    expect(encodeKey('plain-id_123')).toBe('plain-id_123');
  });

  it('store and read back a row keyed by hostile text', async () => {
    const hostile = 'team/alpha\\beta#1?x';
    await tables.botState.upsertEntity({ partitionKey: encodeKey(hostile), rowKey: 'state', data: hostile });
    const row = await tables.botState.getEntity<{ data: string }>(encodeKey(hostile), 'state');
    expect(decodeKey(row.partitionKey ?? '')).toBe(hostile);
    expect(row.data).toBe(hostile);
  });
});

describe('entity size', () => {
  it('refuses a string property over 64 KiB before writing', () => {
    expect(() => assertFitsInTable({ partitionKey: 'p', rowKey: 'r', data: 'x'.repeat(32 * 1024 + 1) })).toThrow(EntityTooLargeError);
    expect(() => assertFitsInTable({ partitionKey: 'p', rowKey: 'r', data: 'x'.repeat(32 * 1024) })).not.toThrow();
  });

  it('refuses an entity over 1 MiB in all', () => {
    const entity = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, 'x'.repeat(30_000)]));
    expect(() => assertFitsInTable(entity)).toThrow(EntityTooLargeError);
  });
});
