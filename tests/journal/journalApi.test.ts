// The journal over HTTP, as the tab calls it: plan changes land in the timeline with the change,
// notes with If-Match, the mentee's sharing of one entry, filters and paging.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import type { JournalEntryView, JournalPageView, TrailView } from '../../shared/journal/journalApi';
import { addDays, todayIn } from '../../shared/dates';
import { journalTable } from '../../bot/storage/journalTable';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';

const test = serverTest;
const pairId = demoPairIds.alex;
const journalPath = pathFor(paths.journal, { pairId });
const entryPath = (entryId: string) => pathFor(paths.journalEntry, { pairId, entryId });
const sharingPath = (entryId: string) => pathFor(paths.journalSharing, { pairId, entryId });
const trailPath = pathFor(paths.trail, { programId: DEMO_PROGRAM_ID, pairId });

describe('plan changes in the journal', () => {
  test('a goal set, changed and a milestone done are entries, and a refused change writes none', async ({ alex, priya }) => {
    const goal = await alex().post(pathFor(paths.goals, { pairId }), { title: 'Journal goal', target: 10, baseline: 0 });
    expect(goal.status).toBe(201);
    const goalId = goal.body.value.id as string;
    const changed = await priya().patch(
      pathFor(paths.goal, { pairId, goalId }),
      { target: 12, reason: 'Raised after review' },
      goal.body.etag,
    );
    expect(changed.status).toBe(200);
    // The same stale version again: refused, and nothing is recorded for it.
    expect((await priya().patch(pathFor(paths.goal, { pairId, goalId }), { target: 14 }, goal.body.etag)).status).toBe(409);
    const ms = await alex().post(pathFor(paths.milestones, { pairId, goalId }), {
      title: 'First draft',
      dueDate: addDays(todayIn('UTC', new Date()), 7),
    });
    const done = await alex().patch(
      pathFor(paths.milestone, { pairId, goalId, milestoneId: ms.body.value.id }),
      { done: true },
      ms.body.etag,
    );
    expect(done.status).toBe(200);

    const page = (await alex().get<JournalPageView>(`${journalPath}?goalId=${goalId}`)).body;
    expect(page.entries.map((e) => [e.value.kind, e.value.summary, e.value.authorId])).toEqual([
      ['milestone_done', 'Milestone done: “First draft”', demoPeople.menteeAlex.id],
      ['goal_changed', 'Goal “Journal goal” changed: target', demoPeople.mentor.id],
      ['goal_set', 'Goal set: “Journal goal”', demoPeople.menteeAlex.id],
    ]);
    expect(page.entries[1]!.value).toMatchObject({ visibility: 'pair', goalId, body: 'Raised after review' });
    // Recorded entries stay: nobody edits or deletes them.
    expect(page.entries.every((e) => !e.can.edit && !e.can.delete)).toBe(true);
  });
});

describe('notes', () => {
  test('are written, edited with If-Match, kept private, and deleted by their author only', async ({ alex, priya, sam }) => {
    const created = await alex().post<JournalEntryView>(journalPath, {
      body: '**Big week**\n\n- shipped the harness',
      visibility: 'private',
    });
    expect(created.status).toBe(201);
    expect(created.body.value).toMatchObject({
      kind: 'note',
      summary: '**Big week**',
      visibility: 'private',
      authorId: demoPeople.menteeAlex.id,
    });
    expect(created.body.can).toEqual({ edit: true, delete: true, share: true, unshare: false });
    const id = created.body.value.id;

    // Private: the mentor does not see it, and cannot reach it.
    const mentorsView = (await priya().get<JournalPageView>(`${journalPath}?kind=note`)).body.entries.map((e) => e.value.id);
    expect(mentorsView).not.toContain(id);
    expect((await priya().patch(entryPath(id), { body: 'x' }, created.body.etag)).status).toBe(404);
    expect((await sam().get(journalPath)).status).toBe(404);

    expect((await alex().patch(entryPath(id), { body: 'no version' })).status).toBe(428);
    const edited = await alex().patch<JournalEntryView>(
      entryPath(id),
      { body: 'Big week, told Priya', visibility: 'pair' },
      created.body.etag,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.value).toMatchObject({ summary: 'Big week, told Priya', visibility: 'pair' });
    const stale = await alex().patch(entryPath(id), { body: 'again' }, created.body.etag);
    expect(stale.status).toBe(409);

    const seenByMentor = (await priya().get<JournalPageView>(`${journalPath}?kind=note`)).body.entries.find((e) => e.value.id === id)!;
    expect(seenByMentor.can).toEqual({ edit: false, delete: false, share: false, unshare: false });
    expect((await priya().patch(entryPath(id), { body: 'mine now' }, edited.body.etag)).status).toBe(403);
    expect((await priya().delete(entryPath(id), edited.body.etag)).status).toBe(403);

    expect((await alex().delete(entryPath(id), created.body.etag)).status).toBe(409);
    expect((await alex().delete(entryPath(id), edited.body.etag)).status).toBe(204);
    expect((await alex().get<JournalPageView>(`${journalPath}?kind=note`)).body.entries.map((e) => e.value.id)).not.toContain(id);
  });

  test('refuse bad input with a 4xx and write nothing', async ({ alex }) => {
    const before = (await alex().get<JournalPageView>(`${journalPath}?limit=200`)).body.entries.length;
    expect((await alex().post(journalPath, { body: '   ' })).status).toBe(400);
    expect((await alex().post(journalPath, { body: 'x'.repeat(1001) })).status).toBe(400);
    expect((await alex().post(journalPath, { body: 'ok', visibility: 'program' })).status).toBe(400);
    expect((await alex().post(journalPath, { body: 'ok', extra: 1 })).status).toBe(400);
    expect((await alex().get(`${journalPath}?kind=gossip`)).status).toBe(400);
    expect((await alex().get(`${journalPath}?cursor=not%20a%20cursor`)).status).toBe(400);
    expect((await alex().get(`${journalPath}?from=2026-03-01&to=2026-02-01`)).status).toBe(400);
    expect((await alex().get(`${journalPath}?limit=5000`)).status).toBe(400);
    expect((await alex().get<JournalPageView>(`${journalPath}?limit=200`)).body.entries.length).toBe(before);
  });
});

describe('sharing with the program', () => {
  test('only the mentee shares one entry, and taking it back returns it to who saw it before', async ({ alex, priya, jordan }) => {
    const note = (await priya().post<JournalEntryView>(journalPath, { body: 'Alex led the incident review' })).body;
    const mine = (await alex().post<JournalEntryView>(journalPath, { body: 'Worried about the deadline', visibility: 'private' })).body;

    expect((await priya().put(sharingPath(note.value.id), { shared: true }, note.etag)).status).toBe(403);
    const shared = await alex().put<JournalEntryView>(sharingPath(note.value.id), { shared: true }, note.etag);
    expect(shared.status).toBe(200);
    expect(shared.body.value).toMatchObject({ visibility: 'program', menteeConsented: true });
    expect(shared.body.can).toMatchObject({ share: false, unshare: true });
    const sharedMine = (await alex().put<JournalEntryView>(sharingPath(mine.value.id), { shared: true }, mine.etag)).body;

    let trail = (await jordan().get<TrailView>(trailPath)).body;
    expect(trail.entries.map((e) => e.id)).toEqual(expect.arrayContaining([note.value.id, mine.value.id]));

    // The mentor rewrites the shared note: what leadership would see is no longer what Alex agreed to.
    const rewritten = await priya().patch<JournalEntryView>(entryPath(note.value.id), { body: 'Alex led it, mostly' }, shared.body.etag);
    expect(rewritten.body.value).toMatchObject({ visibility: 'pair', menteeConsented: false });

    const unshared = await alex().put<JournalEntryView>(sharingPath(mine.value.id), { shared: false }, sharedMine.etag);
    expect(unshared.body.value).toMatchObject({ visibility: 'private', menteeConsented: false });
    trail = (await jordan().get<TrailView>(trailPath)).body;
    expect(trail.entries.map((e) => e.id)).not.toContain(note.value.id);
    expect(trail.entries.map((e) => e.id)).not.toContain(mine.value.id);
    expect((await priya().get<JournalPageView>(`${journalPath}?kind=note`)).body.entries.map((e) => e.value.id)).not.toContain(
      mine.value.id,
    );
  });
});

describe('filters and paging', () => {
  test('pages through many entries newest first without a gap or a repeat, and filters by kind and date', async ({
    alex,
    server,
    tables,
  }) => {
    const journal = journalTable(tables);
    const start = Date.UTC(2023, 0, 2, 9);
    const ids: string[] = [];
    for (let week = 0; week < 120; week++) {
      const id = `paging-${String(week).padStart(3, '0')}`;
      ids.push(id);
      await journal.append({
        id,
        pairId,
        kind: week % 2 ? 'check_in' : 'win',
        at: new Date(start + week * 7 * 86_400_000).toISOString(),
        authorId: demoPeople.menteeAlex.id,
        visibility: week % 3 === 0 ? 'private' : 'pair',
        menteeConsented: false,
        summary: `Week ${week}`,
      });
    }
    const range = '&from=2023-01-01&to=2025-12-31';
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await alex().get<JournalPageView>(`${journalPath}?limit=50${range}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.entries.map((e) => e.value.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const wins2023 = (await alex().get<JournalPageView>(`${journalPath}?kind=win&from=2023-01-01&to=2023-12-31&limit=200`)).body;
    const expected = ids.filter((_, week) => week % 2 === 0 && start + week * 7 * 86_400_000 < Date.UTC(2024, 0, 1));
    expect(wins2023.entries.map((e) => e.value.id)).toEqual(expected.reverse());

    // The mentor sees the same range without the mentee's private entries, and pages the same way.
    const mentorIds: string[] = [];
    cursor = undefined;
    do {
      const url: string = `${journalPath}?limit=30${range}${cursor ? `&cursor=${cursor}` : ''}`;
      const body: JournalPageView = (await apiAs(server.baseUrl, demoPeople.mentor.id).get<JournalPageView>(url)).body;
      mentorIds.push(...body.entries.map((e) => e.value.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(mentorIds).toEqual(ids.filter((_, week) => week % 3 !== 0).reverse());
  });
});

describe('the demo', () => {
  test('seeds Alex’s journal with entries of every visibility, and one shared with the program', async ({ alex, priya, jordan }) => {
    const notes = async (as: typeof alex) =>
      (await as().get<JournalPageView>(`${journalPath}?kind=note&limit=200`)).body.entries.filter((e) =>
        e.value.id.startsWith('alex-note-'),
      );
    expect((await notes(alex)).map((e) => [e.value.id, e.value.visibility])).toEqual([
      ['alex-note-program', 'program'],
      ['alex-note-pair', 'pair'],
      ['alex-note-private', 'private'],
    ]);
    expect((await notes(priya)).map((e) => e.value.id)).toEqual(['alex-note-mentor-private', 'alex-note-program', 'alex-note-pair']);
    expect((await jordan().get<TrailView>(trailPath)).body.entries.map((e) => e.id)).toContain('alex-note-program');
    const goalsSet = (await alex().get<JournalPageView>(`${journalPath}?kind=goal_set&limit=200`)).body.entries.map((e) => e.value.goalId);
    expect(goalsSet).toEqual(expect.arrayContaining(['alex-oncall', 'alex-eval']));
  });
});
