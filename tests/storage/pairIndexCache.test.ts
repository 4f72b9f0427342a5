// The cached index of which pairs a person is in: read once per TTL, answered at once from the old
// entry while it is read again after the TTL, and a pair created through this instance shows at once
// for both of its people.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { peopleTable } from '../../bot/storage/peopleTable';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { cachedPairIndex } from '../../bot/storage/readCache';
import { ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import type { PlanRepository } from '../../shared/repositories';
import { newTablePrefix, testConnectionString } from '../support/storage';

let tables: Tables;
let plans: PlanRepository;

beforeAll(async () => {
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  plans = cachedPairIndex(planTable(tables));
  await seedDemo({ people: peopleTable(tables), programs: programTable(tables), plans }, new Date());
});

describe('cached pair index', () => {
  it('reads a person’s pairs from storage once within the TTL', async () => {
    const list = vi.spyOn(tables.pairIndex, 'listEntities');
    const first = await plans.pairsOf(demoPeople.mentor.id);
    const second = await plans.pairsOf(demoPeople.mentor.id);
    expect(list).toHaveBeenCalledTimes(1);
    list.mockRestore();
    expect(second).toEqual(first);
    expect(first.map((p) => p.pairId).sort()).toEqual([demoPairIds.alex, demoPairIds.sam].sort());
    // A caller sorting or filtering its copy does not change what the next caller gets.
    second.length = 0;
    expect(await plans.pairsOf(demoPeople.mentor.id)).toHaveLength(2);
  });

  it('shows a pair created through it at once, for the mentor and the mentee', async () => {
    expect(await plans.pairsOf(demoPeople.manager.id)).toEqual([]);
    const alexPair = (await plans.load(demoPairIds.alex))!;
    const created = await plans.createPair(
      { ...alexPair.mentorship.value, id: 'cache-new-pair', mentorId: demoPeople.mentor.id, menteeId: demoPeople.manager.id },
      {
        mentor: alexPair.members.mentor,
        mentee: { id: demoPeople.manager.id, displayName: demoPeople.manager.displayName, timeZone: demoPeople.manager.timeZone },
      },
    );
    expect(created.ok).toBe(true);
    expect(await plans.pairsOf(demoPeople.manager.id)).toEqual([{ pairId: 'cache-new-pair', role: 'mentee' }]);
    expect((await plans.pairsOf(demoPeople.mentor.id)).map((p) => p.pairId)).toContain('cache-new-pair');
  });

  it('answers from the old entry past the TTL while it reads the index again in the background', async () => {
    let t = 0;
    const inner = planTable(tables);
    const cached = cachedPairIndex(inner, 1_000, () => t);
    const list = vi.spyOn(tables.pairIndex, 'listEntities');
    const first = await cached.pairsOf(demoPeople.menteeSam.id);
    expect(list).toHaveBeenCalledTimes(1);
    t = 1_000;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = vi.spyOn(inner, 'pairsOf').mockImplementation(async () => {
      await held;
      return [{ pairId: 'sam-second-pair', role: 'mentee' }];
    });
    // Past the TTL: the old list at once, one refresh started however often it is asked.
    expect(await cached.pairsOf(demoPeople.menteeSam.id)).toEqual(first);
    expect(await cached.pairsOf(demoPeople.menteeSam.id)).toEqual(first);
    expect(read).toHaveBeenCalledTimes(1);
    release();
    await vi.waitFor(async () =>
      expect(await cached.pairsOf(demoPeople.menteeSam.id)).toEqual([{ pairId: 'sam-second-pair', role: 'mentee' }]),
    );
    read.mockRestore();
    list.mockRestore();
  });
});
