// Checkpoints through the API, as the tab uses them: prepared by both, signed off by both, then
// read-only; a correction is a new revision that keeps the signed-off one; the scorecard is frozen
// at sign-off with both people's ratings; recalibrations reach the goal's history, breakthroughs
// become wins, the reflections a journal entry; only the pair sees it, only the mentee shares it.
import { odata } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { pathFor, paths } from '../../shared/api';
import type { CheckpointListView, CheckpointView } from '../../shared/checkpoints/checkpointService';
import type { TrailView } from '../../shared/journal/journalApi';
import { serverTest } from '../support/fixtures';

const pairId = demoPairIds.alex;
const test = serverTest;

const at = (dueDate: string, path: string = paths.checkpoint) => pathFor(path, { pairId, dueDate });

describe('a checkpoint', () => {
  let dueDate = '';
  let etag = '';

  test('is listed up to the next one due, and only the pair sees it', async ({ alex, sam, jordan }) => {
    const list = await alex().get<CheckpointListView>(pathFor(paths.checkpoints, { pairId }));
    expect(list.status).toBe(200);
    expect(list.body.metrics.map((m) => m.id)).toEqual(['task-completion', 'quality', 'stakeholder-satisfaction', 'learning-transfer']);
    // The demo: three signed-off quarterly checkpoints with a trend, the fourth ahead.
    expect(list.body.checkpoints.map((c) => c.state)).toEqual(['signed_off', 'signed_off', 'signed_off', 'upcoming']);
    expect(list.body.checkpoints.map((c) => c.scorecard?.find((v) => v.metricId === 'task-completion')?.value)).toEqual([
      50,
      67,
      80,
      undefined,
    ]);
    const next = list.body.checkpoints.at(-1)!;
    expect(next.dueDate >= list.body.today).toBe(true);
    expect(next.state).not.toBe('signed_off');
    dueDate = next.dueDate;

    expect((await sam().get(pathFor(paths.checkpoints, { pairId }))).status).toBe(404);
    // A program manager sees nothing of a pair's checkpoints through the pair's API.
    expect((await jordan().get(at(dueDate))).status).toBe(404);
    // A date that is not on the pair's schedule is no checkpoint.
    expect((await alex().get(at('2020-01-01'))).status).toBe(404);
  });

  test('is prepared by either person, each saving their own ratings under the ETag', async ({ alex, priya }) => {
    const started = await alex().post(at(dueDate));
    expect(started.status).toBe(201);
    expect(started.body.value).toMatchObject({ status: 'draft', revision: 1, tenantId: expect.any(String) });
    expect((await priya().post(at(dueDate))).status).toBe(409);

    const draft = {
      myRatings: { quality: 4, 'learning-transfer': 3 },
      reflections: { worked: 'Shadowing real incidents.', didNotWork: 'Runbooks were out of date.', insights: 'Ask for help earlier.' },
      recalibrations: [{ goalId: 'alex-oncall', decision: 'keep', reason: 'On track after training.' }],
      breakthroughs: [{ text: 'Led the first payments incident bridge', goalId: 'alex-oncall' }],
      agreementReviewed: true,
    };
    const saved = await alex().put(at(dueDate), draft, started.body.etag);
    expect(saved.status).toBe(200);

    // A rating outside the metric's scale is refused, and nothing changes.
    const bad = await priya().put(at(dueDate), { myRatings: { quality: 6 } }, saved.body.etag);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('myRatings.quality');
    // An old version is a conflict carrying the current one.
    const stale = await priya().put(at(dueDate), { ...draft, myRatings: { quality: 3 } }, started.body.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.etag).toBe(saved.body.etag);

    const mentor = await priya().put(at(dueDate), { ...draft, myRatings: { quality: 3, 'learning-transfer': 4 } }, saved.body.etag);
    expect(mentor.status).toBe(200);
    expect(mentor.body.value.ratings).toEqual({
      mentee: { quality: 4, 'learning-transfer': 3 },
      mentor: { quality: 3, 'learning-transfer': 4 },
    });
    etag = mentor.body.etag;

    const view = await alex().get<CheckpointView>(at(dueDate));
    expect(view.body.state).toBe('in_progress');
    expect(view.body.scorecard.find((v) => v.metricId === 'quality')).toEqual({ metricId: 'quality', value: 3.5, mentee: 4, mentor: 3 });
    expect(view.body.can).toEqual({ prepare: true, signOff: true, correct: false, share: false });
  });

  test('is signed off by both; then it is read-only and its effects are written', async ({ alex, priya, tables, bot, connector }) => {
    // Both have the app, so both get the summary card.
    for (const person of [demoPeople.menteeAlex, demoPeople.mentor])
      expect((await bot.install({ id: `29:${person.id}`, aadObjectId: person.id, name: person.displayName })).status).toBe(200);
    const first = await alex().post(at(dueDate, paths.checkpointSignOff), undefined, { 'If-Match': etag });
    expect(first.status).toBe(200);
    expect(first.body.value).toMatchObject({ status: 'draft', signedByMenteeAt: expect.any(String) });
    expect((await alex().post(at(dueDate, paths.checkpointSignOff), undefined, { 'If-Match': first.body.etag })).status).toBe(400);

    const final = await priya().post(at(dueDate, paths.checkpointSignOff), undefined, { 'If-Match': first.body.etag });
    expect(final.status).toBe(200);
    expect(final.body.value).toMatchObject({ status: 'signed_off', signedOffAt: expect.any(String) });
    expect(final.body.value.scorecard).toContainEqual({ metricId: 'learning-transfer', value: 3.5, mentee: 3, mentor: 4 });
    etag = final.body.etag;
    const summaries = connector
      .delivered()
      .filter((r) => JSON.stringify(r.body.attachments?.[0]?.content ?? {}).includes(`Checkpoint of ${dueDate} signed off`));
    expect(summaries).toHaveLength(2);
    expect(new Set(summaries.map((r) => r.conversationId)).size).toBe(2);
    // The latest scorecard beside the previous one (the demo's third checkpoint: quality 4).
    expect(JSON.stringify(summaries[0]!.body.attachments[0].content)).toContain('3.5 / 5 (before: 4 / 5)');

    // Read-only: no edit, no second sign-off.
    const edit = await alex().put(at(dueDate), { agreementReviewed: false }, etag);
    expect(edit.status).toBe(403);
    expect((await alex().get<CheckpointView>(at(dueDate))).body.checkpoint!.value.agreementReviewed).toBe(true);

    // The recalibration is in the goal's history, with its reason.
    const history = await alex().get(pathFor(paths.goalHistory, { pairId, goalId: 'alex-oncall' }));
    expect(history.body.revisions[0]).toMatchObject({
      change: 'updated',
      reason: expect.stringContaining(`Checkpoint of ${dueDate}: keep. On track`),
    });
    // The breakthrough is a win.
    const wins = await alex().get(pathFor(paths.wins, { pairId }));
    expect(wins.body.wins.map((w: { value: { text: string } }) => w.value.text)).toContain('Led the first payments incident bridge');
    // The reflections are a pair-visible journal entry.
    const entries = [];
    for await (const row of tables.plans.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${pairId} and entryKind eq 'checkpoint'` },
    }))
      entries.push(JSON.parse(row.data as string));
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'checkpoint',
        visibility: 'pair',
        checkpointDueDate: dueDate,
        body: expect.stringContaining('Shadowing'),
      }),
    ]);

    const list = await priya().get<CheckpointListView>(pathFor(paths.checkpoints, { pairId }));
    expect(list.body.checkpoints.at(-1)).toMatchObject({ dueDate, state: 'signed_off', revision: 1 });
    expect(list.body.recalibrations).toContainEqual(expect.objectContaining({ dueDate, goalId: 'alex-oncall', decision: 'keep' }));
  });

  test('is shared with the program by the mentee only, and then shows in the program’s trail', async ({ alex, priya, jordan }) => {
    const trail = pathFor(paths.trail, { programId: DEMO_PROGRAM_ID, pairId });
    const sharedDates = async () => ((await jordan().get<TrailView>(trail)).body.scorecards ?? []).map((s) => s.dueDate);
    expect(await sharedDates()).not.toContain(dueDate);
    const byMentor = await priya().patch(at(dueDate, paths.checkpointSharing), { sharedWithProgram: true }, etag);
    expect(byMentor.status).toBe(403);
    const shared = await alex().patch(at(dueDate, paths.checkpointSharing), { sharedWithProgram: true }, etag);
    expect(shared.status).toBe(200);
    expect(shared.body.value.sharedWithProgram).toBe(true);
    etag = shared.body.etag;
    expect(await sharedDates()).toContain(dueDate);
    const entry = (await jordan().get<TrailView>(trail)).body.scorecards.find((s) => s.dueDate === dueDate)!;
    expect(entry.scorecard.find((v) => v.metricId === 'quality')).toMatchObject({ metricId: 'quality' });
  });

  test('is corrected as a new revision that keeps the signed-off one', async ({ alex, priya }) => {
    const corrected = await priya().post(at(dueDate, paths.checkpointCorrections), undefined, { 'If-Match': etag });
    expect(corrected.status).toBe(201);
    expect(corrected.body.value).toMatchObject({ status: 'draft', revision: 2 });
    expect(corrected.body.value.signedByMentorAt).toBeUndefined();

    const saved = await priya().put(
      at(dueDate),
      {
        myRatings: { quality: 4, 'learning-transfer': 4 },
        reflections: corrected.body.value.reflections,
        recalibrations: corrected.body.value.recalibrations,
        breakthroughs: corrected.body.value.breakthroughs,
        agreementReviewed: true,
      },
      corrected.body.etag,
    );
    expect(saved.status).toBe(200);
    const one = await alex().post(at(dueDate, paths.checkpointSignOff), undefined, { 'If-Match': saved.body.etag });
    const two = await priya().post(at(dueDate, paths.checkpointSignOff), undefined, { 'If-Match': one.body.etag });
    expect(two.body.value).toMatchObject({ status: 'signed_off', revision: 2 });
    expect(two.body.value.scorecard).toContainEqual({ metricId: 'quality', value: 4, mentee: 4, mentor: 4 });

    const view = await alex().get<CheckpointView>(at(dueDate));
    expect(view.body.revisions).toHaveLength(1);
    expect(view.body.revisions[0]).toMatchObject({ revision: 1, status: 'signed_off' });
    expect(view.body.revisions[0]!.scorecard).toContainEqual({ metricId: 'quality', value: 3.5, mentee: 4, mentor: 3 });

    // The unchanged recalibration is not written to the goal's history a second time.
    const history = await alex().get(pathFor(paths.goalHistory, { pairId, goalId: 'alex-oncall' }));
    expect(history.body.revisions.filter((r: { reason?: string }) => r.reason?.includes(`Checkpoint of ${dueDate}`))).toHaveLength(1);
  });
});
