// The pure side of each person's data: finding a person in stored text, rewriting it without them,
// the erasure plan's choices in a pair's partition, and when a pair's data has expired.
import { describe, expect, it } from 'vitest';
import { planErasure, planRowErasure, type TableRules } from '../../shared/privacy/dataRights';
import { redactText, rowMentions, standInFor, textMentions, type StoredRow } from '../../shared/privacy/personalData';
import { pairExpired, retentionDaysOf, rowOfPairs } from '../../shared/privacy/retention';

const alex = { id: 'alex-1', displayName: 'Alex Chen', email: 'alex.chen@contoso.example', aliases: ['29:alex-teams'] };
const standIn = standInFor('0000-1111');
const row = (partitionKey: string, rowKey: string, doc: unknown, table = 'Plans'): StoredRow => ({
  table,
  partitionKey,
  rowKey,
  etag: 'W/"1"',
  properties: { data: JSON.stringify(doc) },
});

describe('finding a person in stored text', () => {
  it('finds a whole id, the name in any case, the email and their Teams identifiers', () => {
    expect(textMentions('by alex-1 today', alex)).toBe(true);
    expect(textMentions('Talked with ALEX CHEN about on-call', alex)).toBe(true);
    expect(textMentions('mail Alex.Chen@Contoso.example', alex)).toBe(true);
    expect(textMentions('state of msteams/29:alex-teams', alex)).toBe(true);
  });

  it('does not find an id inside a longer id, or the name inside a longer word', () => {
    expect(textMentions('alex-10 and xalex-1', alex)).toBe(false);
    expect(textMentions('Alex Chenowith', alex)).toBe(false);
  });

  it('rewrites every mention to the stand-in', () => {
    expect(redactText('Alex Chen (alex-1, alex.chen@contoso.example) met Sam', alex, standIn)).toBe(
      `Former participant (${standIn.id}, ${standIn.email}) met Sam`,
    );
  });
});

describe('the erasure plan', () => {
  const rules: TableRules = { Plans: { section: () => 'x', erase: planRowErasure }, People: { section: () => 'profile', erase: 'delete' } };
  const pair = row('p1', 'pair', {
    mentorship: { id: 'p1', programId: 'prog', mentorId: 'priya-1', menteeId: 'alex-1', status: 'active' },
    members: { mentor: { id: 'priya-1', displayName: 'Priya' }, mentee: { id: 'alex-1', displayName: 'Alex Chen' } },
  });
  const anonymousRequest = row('p2', 'feedback|r1', { id: 'r1', anonymous: true, respondents: [{ personId: 'alex-1' }] });
  const anonymousAnswer = row('p2', 'feedbackresp|r1|alex-1', { requestId: 'r1', respondentId: 'alex-1' });
  const namedRequest = row('p2', 'feedback|r2', { id: 'r2', anonymous: false, respondents: [{ personId: 'alex-1' }] });
  const namedAnswer = row('p2', 'feedbackresp|r2|alex-1', { requestId: 'r2', respondentId: 'alex-1' });
  const ownNote = row('p1', 'journal|9|j1', { authorId: 'alex-1', summary: 'mine' });
  const mentorsNote = row('p1', 'journal|9|j2', { authorId: 'priya-1', summary: 'Alex Chen is doing well' });
  const goal = row('p1', 'goal|g1', { id: 'g1', title: 'On-call' });
  const profile = row('person', 'alex-1', { id: 'alex-1' }, 'People');
  const sharedWin = { ...row('p1', 'win|w1', { id: 'w1', recognizedBy: 'priya-1', text: 'Led the review', shareInDigest: true }) };
  sharedWin.properties.shareInDigest = true;
  const ownOpenRequest = row('p1', 'feedback|r3', { id: 'r3', status: 'open', anonymous: false, respondents: [{ personId: 'sam-1' }] });
  const rows = [
    pair,
    anonymousRequest,
    anonymousAnswer,
    namedRequest,
    namedAnswer,
    ownNote,
    mentorsNote,
    goal,
    profile,
    sharedWin,
    ownOpenRequest,
  ];
  const plan = planErasure({ subject: alex, standIn, rows, rules, now: new Date('2026-12-01T10:00:00Z') });
  const stepOf = (r: StoredRow) => plan.steps.find((s) => s.row === r);

  it('deletes what was the person’s alone and rewrites what others keep', () => {
    expect(stepOf(profile)?.kind).toBe('delete');
    expect(stepOf(ownNote)?.kind).toBe('delete');
    expect(stepOf(namedAnswer)?.kind).toBe('delete');
    expect(stepOf(mentorsNote)?.kind).toBe('replace');
    expect(stepOf(goal)).toBeUndefined();
    for (const step of plan.steps) if (step.kind === 'replace') expect(rowMentions(step.to, alex)).toBe(false);
  });

  it('withdraws the erased mentee’s consent to show a win in the digest, though the win names nobody', () => {
    const step = stepOf(sharedWin);
    if (step?.kind !== 'replace') throw new Error('expected the win rewritten');
    expect(JSON.parse(step.to.properties.data as string)).toMatchObject({ text: 'Led the review', shareInDigest: false });
    expect(step.to.properties.shareInDigest).toBe(false);
  });

  it('closes the open feedback requests of the pair it ends, and no other pair’s', () => {
    const step = stepOf(ownOpenRequest);
    if (step?.kind !== 'replace') throw new Error('expected the request rewritten');
    expect(JSON.parse(step.to.properties.data as string)).toMatchObject({ status: 'closed', closedAt: '2026-12-01T10:00:00.000Z' });
    const other = stepOf(anonymousRequest);
    if (other?.kind !== 'replace') throw new Error('expected the request rewritten');
    expect(JSON.parse(other.to.properties.data as string).status).toBeUndefined();
  });

  it('keeps an anonymous answer counted: the request and the answer name the same stand-in', () => {
    const answer = stepOf(anonymousAnswer);
    const request = stepOf(anonymousRequest);
    if (answer?.kind !== 'replace' || request?.kind !== 'replace') throw new Error('expected both rewritten');
    expect(answer.to.rowKey).toBe(`feedbackresp|r1|${standIn.id}`);
    expect(JSON.parse(answer.to.properties.data as string).respondentId).toBe(standIn.id);
    expect(JSON.parse(request.to.properties.data as string).respondents).toEqual([{ personId: standIn.id }]);
  });

  it('ends the open pair and names the other person to tell', () => {
    const step = stepOf(pair);
    if (step?.kind !== 'replace') throw new Error('expected the pair rewritten');
    expect(JSON.parse(step.to.properties.data as string).mentorship).toMatchObject({
      status: 'ended',
      endedAt: '2026-12-01T10:00:00.000Z',
      menteeId: standIn.id,
      mentorId: 'priya-1',
    });
    expect(plan.closedPairs).toEqual([{ pairId: 'p1', otherPersonId: 'priya-1' }]);
  });
});

describe('retention', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it('expires an ended pair only after the period, and never an open one', () => {
    expect(retentionDaysOf(undefined)).toBe(730);
    expect(retentionDaysOf({ retentionDays: 90 })).toBe(90);
    expect(pairExpired({ status: 'ended', endedAt: '2026-08-01T00:00:00Z' }, 90, now)).toBe(true);
    expect(pairExpired({ status: 'ended', endedAt: '2026-10-01T00:00:00Z' }, 90, now)).toBe(false);
    expect(pairExpired({ status: 'active', endedAt: '2020-01-01T00:00:00Z' }, 90, now)).toBe(false);
    expect(pairExpired({ status: 'ended' }, 90, now)).toBe(false);
  });

  it('finds a pair’s rows by partition, key segment or pairId column, not by a longer id', () => {
    const ids = new Set(['p1']);
    expect(rowOfPairs(row('p1', 'goal|g1', {}), ids)).toBe(true);
    expect(rowOfPairs(row('2026-12-01', 'p1|r1', {}, 'OpenFeedback'), ids)).toBe(true);
    expect(rowOfPairs({ ...row('x', 'y', {}), properties: { pairId: 'p1' } }, ids)).toBe(true);
    expect(rowOfPairs(row('p10', 'p1x|r1', {}), ids)).toBe(false);
  });
});
