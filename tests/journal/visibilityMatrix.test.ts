// The journal's visibility matrix through the API: every kind of entry × every visibility × every
// consent state × both authors, read by every kind of caller through the pair's journal and the
// program's leadership trail. The expectations come from the rules as the product states them, not
// from policy.ts: private is the author's, pair is the pair's, and leadership sees an entry only when
// it is program-visible AND the mentee consented (a consented entry that is not program-visible
// stays hidden).
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, DEMO_TENANT_ID, demoPeople } from '../../bot/dev/demoData';
import { journalTable } from '../../bot/storage/journalTable';
import { paths, pathFor } from '../../shared/api';
import type { JournalPageView, TrailView } from '../../shared/journal/journalApi';
import { journalEntryKind, type JournalEntry } from '../../shared/journal/journalEntry';
import type { Person } from '../../shared/person';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';

const test = serverTest;

const person = (id: string, displayName: string): Person => ({
  id,
  tenantId: DEMO_TENANT_ID,
  displayName,
  timeZone: 'Europe/Berlin',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  mentorCapacity: 2,
});
const mentee = person('7a1b2c3d-0000-4000-8000-00000000a001', 'Mia Matrix');
const mentor = person('7a1b2c3d-0000-4000-8000-00000000a002', 'Max Matrix');
const otherManager = person('7a1b2c3d-0000-4000-8000-00000000a003', 'Olga Otherprogram');
const pairId = 'matrix-journal-pair';
const otherProgramId = 'matrix-other-program';

type Caller = 'mentee' | 'mentor' | 'manager' | 'otherManager' | 'stranger';
const callerIds: Record<Caller, string> = {
  mentee: mentee.id,
  mentor: mentor.id,
  manager: demoPeople.manager.id,
  otherManager: otherManager.id,
  stranger: demoPeople.menteeSam.id,
};

const visibilities = ['private', 'pair', 'program'] as const;
const entries: JournalEntry[] = [];
let n = 0;
for (const kind of journalEntryKind.options)
  for (const visibility of visibilities)
    for (const menteeConsented of [false, true])
      for (const author of ['mentee', 'mentor'] as const) {
        n++;
        entries.push({
          id: `matrix-${kind}-${visibility}-${menteeConsented ? 'consented' : 'not'}-${author}`.replace(/_/g, '-'),
          pairId,
          kind,
          at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
          authorId: author === 'mentee' ? mentee.id : mentor.id,
          visibility,
          menteeConsented,
          summary: `${kind} by the ${author}`,
        });
      }

/** Who may read an entry in the pair's own journal: its author, and for non-private entries both people. */
const inJournal = (caller: Caller, e: JournalEntry) =>
  (caller === 'mentee' || caller === 'mentor') && (e.authorId === callerIds[caller] || e.visibility !== 'private');
/** What leadership sees: program-visible and consented, both. */
const inTrail = (e: JournalEntry) => e.visibility === 'program' && e.menteeConsented;

test.beforeAll(async ({ server, tables }) => {
  const { people, plans, programs } = server.app.repositories;
  await Promise.all([people.save(mentee), people.save(mentor), people.save(otherManager)]);
  const demoProgram = (await programs.get(DEMO_PROGRAM_ID))!.value;
  await programs.save({ ...demoProgram, id: otherProgramId, name: 'Another program', managerIds: [otherManager.id] });
  const template = (await plans.load('demo-pair-alex'))!.mentorship.value;
  const created = await plans.createPair(
    { ...template, id: pairId, mentorId: mentor.id, menteeId: mentee.id },
    {
      mentor: { id: mentor.id, displayName: mentor.displayName, timeZone: mentor.timeZone },
      mentee: { id: mentee.id, displayName: mentee.displayName, timeZone: mentee.timeZone },
    },
  );
  if (!created.ok) throw new Error(created.error.message);
  const journal = journalTable(tables);
  for (const e of entries) {
    const written = await journal.append(e);
    if (!written.ok) throw new Error(written.error.message);
  }
});

const callers = Object.keys(callerIds) as Caller[];

describe('the journal visibility matrix', () => {
  test('has every kind × visibility × consent × author', () => {
    expect(entries).toHaveLength(journalEntryKind.options.length * 3 * 2 * 2);
  });

  test.for(callers)('the pair’s journal as the %s', async (caller, { server }) => {
    const res = await apiAs(server.baseUrl, callerIds[caller]).get<JournalPageView>(
      `${pathFor(paths.journal, { pairId })}?limit=${entries.length}`,
    );
    if (caller !== 'mentee' && caller !== 'mentor') {
      expect(res.status).toBe(404);
      return;
    }
    expect(res.status).toBe(200);
    const seen = res.body.entries.map((e) => e.value.id).sort();
    expect(seen).toEqual(
      entries
        .filter((e) => inJournal(caller, e))
        .map((e) => e.id)
        .sort(),
    );
    expect(res.body.nextCursor).toBeUndefined();
  });

  test.for(callers)('the leadership trail as the %s', async (caller, { server }) => {
    const trailOf = (programId: string) =>
      apiAs(server.baseUrl, callerIds[caller]).get<TrailView>(pathFor(paths.trail, { programId, pairId }));
    const res = await trailOf(DEMO_PROGRAM_ID);
    if (caller !== 'manager') {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('matrix-');
      // A manager of another program reaches the pair through their own program neither.
      if (caller === 'otherManager') expect((await trailOf(otherProgramId)).status).toBe(404);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e) => e.id).sort()).toEqual(
      entries
        .filter(inTrail)
        .map((e) => e.id)
        .sort(),
    );
    // Nothing else about the pair: no goals, no plan, no agreement.
    expect(Object.keys(res.body).sort()).toEqual(['entries', 'mentee', 'pairId', 'programId', 'scorecards']);
    expect(res.body.mentee).toEqual({ id: mentee.id, displayName: mentee.displayName });
  });
});
