// Wins and mentor feedback notes through the recognition service against Azurite: what is written
// to the pair's partition (win and journal entry together), the digest index, and who may do what.
import { odata } from '@azure/data-tables';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { digestIndexTable } from '../../bot/storage/digestTable';
import { journalTable } from '../../bot/storage/journalTable';
import { peopleTable } from '../../bot/storage/peopleTable';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { encodeKey, ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import { winTable } from '../../bot/storage/winTable';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import type { Actor } from '../../shared/policy';
import { winConsentInput } from '../../shared/api';
import { createRecognitionService, type RecognitionService } from '../../shared/recognition/recognitionService';
import { winInput, type WinInput } from '../../shared/recognition/win';
import { feedbackNoteInput } from '../../shared/recognition/feedbackNote';
import { parseInput } from '../../shared/validation';
import { DEMO_PROGRAM_ID } from '../../bot/dev/demoData';
import { newTablePrefix, testConnectionString } from '../support/storage';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const pairId = demoPairIds.alex;
const clock = { date: new Date('2026-11-18T12:00:00Z') };
const actor = (id: string): Actor => ({ id, tenantId: DEVELOPMENT_TENANT_ID, timeZone: 'UTC', appRoles: [] });
const mentee = actor(demoPeople.menteeAlex.id);
const mentor = actor(demoPeople.mentor.id);
const stranger = actor(demoPeople.manager.id);

let tables: Tables;
let service: RecognitionService;
let ids = 0;
const wins = () => winTable(tables);
const journal = () => journalTable(tables);
const digest = () => digestIndexTable(tables);

async function partitionRows(prefix: string) {
  const out: Record<string, unknown>[] = [];
  const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}}`}`;
  for await (const row of tables.plans.listEntities({ queryOptions: { filter } })) out.push(row);
  return out;
}
const journalEntries = async () => (await partitionRows('journal|')).map((r) => JSON.parse(String(r.data)) as JournalEntry);
// Doors parse before calling the service, as the message extension and the API do.
const parsedWin = (raw: WinInput) => winInput.parse(raw);
const tick = () => (clock.date = new Date(clock.date.getTime() + 60_000));

beforeAll(async () => {
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  const plans = planTable(tables);
  await seedDemo({ people: peopleTable(tables), programs: programTable(tables), plans }, clock.date);
  service = createRecognitionService({
    plans,
    wins: wins(),
    journal: journal(),
    digest: digest(),
    now: () => clock.date,
    newId: () => `rec-${++ids}`,
  });
});

describe('recognizing a win', () => {
  it('writes the win and its journal entry in the pair’s partition, and lists it with names and the goal', async () => {
    tick();
    const result = await service.recognizeWin(
      mentor,
      pairId,
      parsedWin({ text: '  Led the payments incident alone  ', goalId: 'alex-oncall' }),
    );
    if (!result.ok) throw new Error(result.error.message);
    const { win } = result.value;
    expect(result.value).toMatchObject({
      pairId,
      mentor: { id: mentor.id },
      mentee: { id: mentee.id },
      goalTitle: 'Lead incident response for the payments service',
    });
    expect(win.value).toEqual({
      id: win.value.id,
      pairId,
      goalId: 'alex-oncall',
      text: 'Led the payments incident alone',
      recognizedBy: mentor.id,
      at: clock.date.toISOString(),
      shareInDigest: false,
    });
    expect((await wins().get(pairId, win.value.id))?.etag).toBe(win.etag);

    const entry = (await journalEntries()).find((e) => e.winId === win.value.id);
    expect(entry).toMatchObject({
      kind: 'win',
      authorId: mentor.id,
      visibility: 'pair',
      menteeConsented: false,
      goalId: 'alex-oncall',
      summary: 'Priya Raman recognized a win: Led the payments incident alone',
    });

    const list = await service.listWins(mentee, pairId);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.wins[0]).toMatchObject({
      value: win.value,
      etag: win.etag,
      recognizedByName: 'Priya Raman',
      goalTitle: 'Lead incident response for the payments service',
    });
  });

  it('records a retried submit once', async () => {
    tick();
    const first = await service.recognizeWin(mentor, pairId, parsedWin({ text: 'Shipped the harness' }));
    const again = await service.recognizeWin(mentor, pairId, parsedWin({ text: 'Shipped the harness' }));
    expect(first.ok && again.ok && again.value.win.value.id).toBe(first.ok && first.value.win.value.id);
    expect((await journalEntries()).filter((e) => e.summary.endsWith('Shipped the harness'))).toHaveLength(1);
  });

  it('takes the mentee’s consent and files the win for the digest of its week', async () => {
    tick();
    const result = await service.recognizeWin(
      mentee,
      pairId,
      parsedWin({ text: 'Presented at the all-hands', goalId: 'alex-speaking', shareInDigest: true }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.win.value).toMatchObject({ shareInDigest: true, recognizedBy: mentee.id });
    const filed = await digest().listWeek(DEMO_PROGRAM_ID, '2026-11-16');
    expect(filed).toContainEqual({ programId: DEMO_PROGRAM_ID, week: '2026-11-16', pairId, winId: result.value.win.value.id });
  });

  it('refuses a mentor’s consent on the mentee’s behalf, a goal of another plan, bad input and outsiders, writing nothing', async () => {
    const before = (await partitionRows('win|')).length;
    const journalBefore = (await journalEntries()).length;
    const byMentor = await service.recognizeWin(mentor, pairId, parsedWin({ text: 'Great week', shareInDigest: true }));
    expect(byMentor.ok ? 'ok' : [byMentor.error.code, byMentor.error.issues?.[0]?.path]).toEqual(['invalid', 'shareInDigest']);
    const otherGoal = await service.recognizeWin(mentor, pairId, parsedWin({ text: 'Great week', goalId: 'sam-stakeholders' }));
    expect(otherGoal.ok ? 'ok' : otherGoal.error.issues?.[0]?.path).toBe('goalId');
    const empty = parseInput(winInput, { text: '   ' });
    expect(empty.ok ? 'ok' : empty.error.issues?.[0]?.path).toBe('text');
    const extra = parseInput(winInput, { text: 'ok', recognizedBy: mentee.id });
    expect(extra.ok ? 'ok' : extra.error.code).toBe('invalid');
    const outsider = await service.recognizeWin(stranger, pairId, parsedWin({ text: 'Great week' }));
    expect(outsider.ok ? 'ok' : outsider.error.code).toBe('not_found');
    expect((await partitionRows('win|')).length).toBe(before);
    expect((await journalEntries()).length).toBe(journalBefore);
  });

  it('never stores a win without its journal entry: a failed create writes neither', async () => {
    const at = clock.date.toISOString();
    const win = { id: 'atomic-win', pairId, text: 'Once', recognizedBy: mentor.id, at, shareInDigest: false };
    const entry = (id: string): JournalEntry => ({
      id,
      pairId,
      kind: 'win',
      at,
      authorId: mentor.id,
      visibility: 'pair',
      menteeConsented: false,
      summary: 'Once',
      winId: 'atomic-win',
    });
    expect((await wins().create(win, entry('atomic-entry-1'))).ok).toBe(true);
    const second = await wins().create(win, entry('atomic-entry-2'));
    expect(second.ok ? 'ok' : second.error.code).toBe('conflict');
    expect((await journalEntries()).filter((e) => e.winId === 'atomic-win').map((e) => e.id)).toEqual(['atomic-entry-1']);
  });
});

describe('consent to share a win', () => {
  async function mentorWin(text: string) {
    tick();
    const result = await service.recognizeWin(mentor, pairId, parsedWin({ text }));
    if (!result.ok) throw new Error(result.error.message);
    return result.value.win;
  }

  it('is the mentee’s alone, takes the version read, and files or removes the digest entry', async () => {
    const win = await mentorWin('Closed the on-call gap');
    const byMentor = await service.setWinConsent(mentor, pairId, win.value.id, win.etag, { shareInDigest: true });
    expect(byMentor.ok ? 'ok' : byMentor.error.code).toBe('forbidden');

    const given = await service.setWinConsent(mentee, pairId, win.value.id, win.etag, { shareInDigest: true });
    if (!given.ok) throw new Error(given.error.message);
    expect(given.value.value.shareInDigest).toBe(true);
    const filed = () =>
      digest()
        .listWeek(DEMO_PROGRAM_ID, '2026-11-16')
        .then((refs) => refs.some((r) => r.winId === win.value.id));
    expect(await filed()).toBe(true);

    const stale = await service.setWinConsent(mentee, pairId, win.value.id, win.etag, { shareInDigest: false });
    expect(stale.ok ? 'ok' : [stale.error.code, (stale.error.current as { etag: string }).etag]).toEqual(['conflict', given.value.etag]);
    expect(await filed()).toBe(true);

    const withdrawn = await service.setWinConsent(mentee, pairId, win.value.id, given.value.etag, { shareInDigest: false });
    if (!withdrawn.ok) throw new Error(withdrawn.error.message);
    expect((await wins().get(pairId, win.value.id))?.value.shareInDigest).toBe(false);
    expect(await filed()).toBe(false);
  });

  it('refuses bad input and unknown wins', async () => {
    const win = await mentorWin('Wrote the runbook');
    const bad = parseInput(winConsentInput, { shareInDigest: 'yes' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid');
    const unknown = await service.setWinConsent(mentee, pairId, 'no-such-win', win.etag, { shareInDigest: true });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
    expect((await wins().get(pairId, win.value.id))?.etag).toBe(win.etag);
  });
});

describe('feedback notes', () => {
  it('are the mentor’s, about a goal of the plan, kept in the journal with the first line as summary', async () => {
    tick();
    const text = 'Your incident review was clear and calm.\nNext time, name an owner for each follow-up.';
    const result = await service.sendFeedbackNote(mentor, pairId, { goalId: 'alex-oncall', text });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.goalTitle).toBe('Lead incident response for the payments service');
    expect(result.value.entry).toEqual({
      id: result.value.entry.id,
      pairId,
      kind: 'feedback',
      at: clock.date.toISOString(),
      authorId: mentor.id,
      visibility: 'pair',
      menteeConsented: false,
      summary: 'Your incident review was clear and calm.',
      goalId: 'alex-oncall',
      body: text,
    });
    expect((await journalEntries()).find((e) => e.id === result.value.entry.id)).toEqual(result.value.entry);

    const retried = await service.sendFeedbackNote(mentor, pairId, { goalId: 'alex-oncall', text });
    expect(retried.ok && retried.value.entry.id).toBe(result.value.entry.id);
  });

  it('refuses the mentee, a goal outside the plan and empty text, writing nothing', async () => {
    const before = (await journalEntries()).length;
    const byMentee = await service.sendFeedbackNote(mentee, pairId, { goalId: 'alex-oncall', text: 'Self praise' });
    expect(byMentee.ok ? 'ok' : byMentee.error.code).toBe('forbidden');
    const otherGoal = await service.sendFeedbackNote(mentor, pairId, { goalId: 'sam-stakeholders', text: 'Good' });
    expect(otherGoal.ok ? 'ok' : otherGoal.error.issues?.[0]?.path).toBe('goalId');
    const empty = parseInput(feedbackNoteInput, { goalId: 'alex-oncall', text: ' ' });
    expect(empty.ok ? 'ok' : empty.error.issues?.[0]?.path).toBe('text');
    expect((await journalEntries()).length).toBe(before);
  });
});
