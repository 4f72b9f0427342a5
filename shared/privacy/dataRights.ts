// What exporting and erasing a person's data do to the rows about them (pure). The rows come from
// every table (bot/privacy/); each table's rule says how its rows are named in the export and what
// erasure does to them.
import { canSeeEntry, type Actor } from '../policy';
import { documentOf, redactRow, rowMentions, type DataSubject, type StandIn, type StoredRow } from './personalData';

/** What erasing does to a row that names the person. */
export type Erasure = 'delete' | 'redact';

/** All the rows found about the person, for rules that look at a row's neighbours (its pair, its request). */
export interface RowContext {
  subject: DataSubject;
  rows: readonly StoredRow[];
}

/** How one table's rows are exported and erased: one rule per table. */
export interface TableRule {
  /** The export section a row belongs to ("goals", "profile"). */
  section: (row: StoredRow) => string;
  /** Erasure of a row that names the person: a fixed answer, or decided per row. */
  erase: Erasure | ((row: StoredRow, ctx: RowContext) => Erasure);
  /** Shown to the person, or withheld with a reason (another person's private note). Shown when absent. */
  show?: (row: StoredRow, ctx: RowContext & { actor: Actor }) => { withheld: string } | { record: Record<string, unknown> } | 'show';
  /** Rows in a partition named by one of the person's pairs are theirs even when they name nobody (a goal). */
  pairPartitions?: boolean;
  /**
   * Row keys, in the same partition, of rows a row about the person points to: theirs to export
   * though they name nobody (a survey answer, found through the marker that the person answered).
   */
  linked?: (row: StoredRow) => string[];
}

export type TableRules = Readonly<Record<string, TableRule>>;

/** Which rows are about the person: those that name them, and the rows of their pairs' partitions. */
/** The tenant a row names itself: a `tenantId` column or field, or its conversation's tenant. */
function ownTenantOf(row: StoredRow): string | undefined {
  if (typeof row.properties.tenantId === 'string') return row.properties.tenantId;
  const doc = documentOf(row) as
    { tenantId?: unknown; mentorship?: { tenantId?: unknown }; reference?: { conversation?: { tenantId?: unknown } } } | undefined;
  const found = doc?.tenantId ?? doc?.mentorship?.tenantId ?? doc?.reference?.conversation?.tenantId;
  return typeof found === 'string' ? found : undefined;
}

/**
 * One tenant's rows (capability 14 acts inside the caller's tenant only): a row is another tenant's
 * when it names that tenant, lies in the partition of that tenant's pair, or indexes that tenant's
 * pair. Rows that name no tenant and belong to no pair stay.
 */
export function rowsOfTenant(rows: readonly StoredRow[], tenantId: string, pairIndexTable: string): StoredRow[] {
  const pairTenants = new Map<string, string>();
  for (const row of rows) {
    const pair = pairDocOf(row);
    const tenant = pair && ownTenantOf(row);
    if (pair && tenant) {
      pairTenants.set(`${row.table}\n${row.partitionKey}`, tenant);
      pairTenants.set(`pair\n${pair.mentorship.id}`, tenant);
    }
  }
  return rows.filter((row) => {
    const tenant =
      ownTenantOf(row) ??
      pairTenants.get(`${row.table}\n${row.partitionKey}`) ??
      (row.table === pairIndexTable ? pairTenants.get(`pair\n${row.rowKey}`) : undefined);
    return tenant === undefined || tenant === tenantId;
  });
}

export function rowsAbout(rows: readonly StoredRow[], subject: DataSubject, rules: TableRules, pairIds: ReadonlySet<string>): StoredRow[] {
  const about = (row: StoredRow) =>
    rowMentions(row, subject) || (rules[row.table]?.pairPartitions === true && pairIds.has(row.partitionKey));
  const linked = new Set(
    rows.filter(about).flatMap((row) => (rules[row.table]?.linked?.(row) ?? []).map((key) => `${row.table}\n${row.partitionKey}\n${key}`)),
  );
  return rows.filter((row) => about(row) || linked.has(`${row.table}\n${row.partitionKey}\n${row.rowKey}`));
}

// ---- export ----

export interface ExportedRecord {
  /** Where it is kept: table, then partition and row key. */
  storedIn: string;
  key: string;
  [field: string]: unknown;
}

/** A record withheld from the person: where and what kind, never its key (it may name someone, as an anonymous answer's does). */
export interface WithheldRecord {
  storedIn: string;
  section: string;
  reason: string;
}

export interface DataExport {
  about: string;
  exportedAt: string;
  person: { id: string; displayName?: string; email?: string };
  /** Each kind of record, by name: `profile`, `pairs`, `goals`, `goalHistory`, `checkIns`, `journal`... */
  sections: Record<string, ExportedRecord[]>;
  /** Records that name the person but belong to someone else (another person's private note): what they are, not what they say. */
  withheld: WithheldRecord[];
}

/** Properties a table keeps for its own bookkeeping: nothing a person needs to read. */
const internalProperties = new Set(['data', 'Timestamp', 'timestamp', 'odata.etag', 'etag']);

function readable(row: StoredRow): Record<string, unknown> {
  const doc = documentOf(row);
  const columns = Object.fromEntries(Object.entries(row.properties).filter(([k]) => !internalProperties.has(k)));
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) return { ...columns, ...(doc as Record<string, unknown>) };
  return doc === undefined ? columns : { ...columns, value: doc };
}

export const rowAddress = (row: Pick<StoredRow, 'partitionKey' | 'rowKey'>) => `${row.partitionKey} / ${row.rowKey}`;

export function buildExport(args: {
  actor: Actor;
  subject: DataSubject;
  rows: readonly StoredRow[];
  rules: TableRules;
  now: Date;
}): DataExport {
  const { actor, subject, rows, rules, now } = args;
  const sections: Record<string, ExportedRecord[]> = {};
  const withheld: WithheldRecord[] = [];
  const ctx = { subject, rows, actor };
  const ordered = [...rows].sort((a, b) =>
    `${a.table}\n${a.partitionKey}\n${a.rowKey}`.localeCompare(`${b.table}\n${b.partitionKey}\n${b.rowKey}`),
  );
  for (const row of ordered) {
    const rule = rules[row.table];
    const section = rule?.section(row) ?? row.table;
    const where = { storedIn: row.table, key: rowAddress(row) };
    const shown = rule?.show?.(row, ctx) ?? 'show';
    if (shown !== 'show' && 'withheld' in shown) {
      withheld.push({ storedIn: row.table, section, reason: shown.withheld });
      continue;
    }
    const record = shown === 'show' ? readable(row) : shown.record;
    (sections[section] ??= []).push({ ...where, ...record });
  }
  return {
    about:
      'Everything Mentoring for Microsoft Teams holds about you or that you wrote. Each record names where it is kept; dates and times are ISO 8601 (UTC).',
    exportedAt: now.toISOString(),
    person: { id: subject.id, displayName: subject.displayName, email: subject.email },
    sections,
    withheld,
  };
}

// ---- erasure ----

/** What an erasure did (`DELETE /api/me?confirm=true`); all zero when there was nothing left to erase. */
export interface ErasureReport {
  /** Rows removed because they were the person's alone. */
  deletedRows: number;
  /** Rows others keep, rewritten so they no longer name the person. */
  rewrittenRows: number;
  /** Open pairs ended by the erasure (the other person was told). */
  endedPairs: number;
}

export type ErasureStep =
  | { kind: 'delete'; row: StoredRow }
  /** The row rewritten without the person; `to` may have other keys (a key that named them). */
  | { kind: 'replace'; row: StoredRow; to: StoredRow };

export interface ErasurePlan {
  steps: ErasureStep[];
  /** Pairs that were open and are now ended: the other person is told. */
  closedPairs: { pairId: string; otherPersonId: string }[];
}

/** A pair row's document: the mentorship and the members' snapshot. */
interface PairDoc {
  mentorship: { id: string; tenantId?: string; mentorId: string; menteeId: string; status: string; endedAt?: string; programId: string };
}

/**
 * What erasing the person does: every row that names them is deleted (theirs) or rewritten to name
 * a stand-in (what others wrote). An open pair is ended, so the other person keeps a read-only plan
 * that no longer names them.
 */
export function planErasure(args: {
  subject: DataSubject;
  standIn: StandIn;
  rows: readonly StoredRow[];
  rules: TableRules;
  now: Date;
}): ErasurePlan {
  const { subject, standIn, rows, rules, now } = args;
  const ctx: RowContext = { subject, rows };
  const steps: ErasureStep[] = [];
  const closedPairs: ErasurePlan['closedPairs'] = [];
  for (const row of rows) {
    const sharedWin = sharedWinOf(row, ctx);
    const openRequest = openRequestOfMembersPair(row, ctx);
    if (!rowMentions(row, subject) && !sharedWin && !openRequest) continue;
    const rule = rules[row.table];
    const erase = rule === undefined ? 'delete' : typeof rule.erase === 'function' ? rule.erase(row, ctx) : rule.erase;
    if (erase === 'delete') {
      steps.push({ kind: 'delete', row });
      continue;
    }
    const pair = pairDocOf(row);
    let closeFor: string | undefined;
    const to = redactRow(row, subject, standIn, (doc) => {
      // The consent to show a win in the digest was the erased mentee's: it goes with them.
      if (sharedWin) doc.shareInDigest = false;
      // The pair ends, so its open feedback requests close: nobody is asked about a pair that is over.
      if (openRequest) Object.assign(doc, { status: 'closed', closedAt: now.toISOString() });
      if (!pair) return;
      const m = doc.mentorship as PairDoc['mentorship'];
      if (m.status !== 'ended') {
        closeFor = pair.mentorship.mentorId === subject.id ? pair.mentorship.menteeId : pair.mentorship.mentorId;
        m.status = 'ended';
        m.endedAt = now.toISOString();
      }
    });
    if (sharedWin && 'shareInDigest' in to.properties) to.properties.shareInDigest = false;
    if (closeFor) closedPairs.push({ pairId: pair!.mentorship.id, otherPersonId: closeFor });
    steps.push({ kind: 'replace', row, to });
  }
  return { steps, closedPairs };
}

/** A win of the person's own pair that they, as its mentee, agreed to show in the weekly digest. */
function sharedWinOf(row: StoredRow, ctx: RowContext): boolean {
  if (planRowKind(row) !== 'win' || docOf(row).shareInDigest !== true) return false;
  return pairOfPartition(ctx.rows, row)?.menteeId === ctx.subject.id;
}

/** An open feedback request of a pair the person is a member of (and which their erasure ends). */
function openRequestOfMembersPair(row: StoredRow, ctx: RowContext): boolean {
  if (planRowKind(row) !== 'feedback' || docOf(row).status !== 'open') return false;
  const pair = pairOfPartition(ctx.rows, row);
  return pair !== undefined && (pair.menteeId === ctx.subject.id || pair.mentorId === ctx.subject.id);
}

/** The pair document of a `pair` row of the Plans table that names the person as a member. */
function pairDocOf(row: StoredRow): PairDoc | undefined {
  if (row.rowKey !== 'pair') return undefined;
  const doc = documentOf(row) as Partial<PairDoc> | undefined;
  return doc?.mentorship && typeof doc.mentorship.mentorId === 'string' ? (doc as PairDoc) : undefined;
}

// ---- the Plans table's rows, kind by kind ----

/** A row's kind in a pair's partition: the row key up to its first `|` (`goal`, `goalrev`, `journal`...). */
export const planRowKind = (row: Pick<StoredRow, 'rowKey'>) => row.rowKey.split('|')[0] ?? row.rowKey;

const planSections: Record<string, string> = {
  pair: 'pairs',
  goal: 'goals',
  goalrev: 'goalHistory',
  milestone: 'milestones',
  activity: 'activities',
  checkin: 'checkIns',
  'checkin-schedule': 'checkInSchedules',
  journal: 'journal',
  feedback: 'feedbackRequests',
  feedbackresp: 'feedbackAnswers',
  win: 'wins',
  checkpoint: 'checkpoints',
  checkpointrev: 'checkpointRevisions',
  cpreminder: 'checkpointReminders',
  renewal: 'renewals',
  repair: 'repairRequests',
  mentoroffer: 'mentorOffers',
  renewalnotice: 'renewalCards',
};

/** New kinds of rows are exported too, under their own name, until they are given a section here. */
export const planRowSection = (row: StoredRow) => planSections[planRowKind(row)] ?? planRowKind(row);

const docOf = (row: StoredRow) => (documentOf(row) ?? {}) as Record<string, unknown>;

function pairOfPartition(rows: readonly StoredRow[], row: StoredRow): PairDoc['mentorship'] | undefined {
  const pairRow = rows.find((r) => r.table === row.table && r.partitionKey === row.partitionKey && r.rowKey === 'pair');
  return pairRow ? pairDocOf(pairRow)?.mentorship : undefined;
}

function requestOf(rows: readonly StoredRow[], row: StoredRow): Record<string, unknown> | undefined {
  const requestId = row.rowKey.split('|')[1];
  const request = rows.find((r) => r.table === row.table && r.partitionKey === row.partitionKey && r.rowKey === `feedback|${requestId}`);
  return request ? docOf(request) : undefined;
}

/** Programs the person manages by name (their id in `managerIds`), from the Programs rows found. */
function managerIdsOf(rows: readonly StoredRow[], programId: string | undefined): string[] {
  for (const r of rows) {
    const doc = docOf(r);
    if (r.rowKey === 'program' && doc.id === programId && Array.isArray(doc.managerIds)) return doc.managerIds as string[];
  }
  return [];
}

/**
 * Erasure in a pair's partition: what the person wrote alone is deleted (their journal entries,
 * the wins they recorded, their named feedback answers); their anonymous feedback answers stay,
 * anonymous and counted, under the stand-in; everything else (the shared plan, what the other
 * person wrote) stays and names the stand-in.
 */
export function planRowErasure(row: StoredRow, ctx: RowContext): Erasure {
  const doc = docOf(row);
  switch (planRowKind(row)) {
    case 'journal':
      return doc.authorId === ctx.subject.id ? 'delete' : 'redact';
    case 'win':
      return doc.recognizedBy === ctx.subject.id ? 'delete' : 'redact';
    case 'feedbackresp':
      if (doc.respondentId !== ctx.subject.id) return 'redact';
      return requestOf(ctx.rows, row)?.anonymous === true ? 'redact' : 'delete';
    case 'mentoroffer':
      // The offer to mentor is the person's alone: an erased person is no candidate.
      return doc.personId === ctx.subject.id ? 'delete' : 'redact';
    case 'repair':
      // A re-pair request asked from the plan is its asker's alone (the renewal's stays with the pair's decision).
      return doc.requestedBy === ctx.subject.id && row.rowKey.split('|').length > 2 ? 'delete' : 'redact';
    default:
      return 'redact';
  }
}

/**
 * What of a pair's partition the person sees in their export: journal entries as the policy lets
 * them see (canSeeEntry), their own feedback answers but not other people's, and of a request in
 * someone else's pair only what they were asked.
 */
export function planRowShown(row: StoredRow, ctx: RowContext & { actor: Actor }): ReturnType<NonNullable<TableRule['show']>> {
  const doc = docOf(row);
  const pair = pairOfPartition(ctx.rows, row);
  const member = pair !== undefined && (pair.mentorId === ctx.subject.id || pair.menteeId === ctx.subject.id);
  switch (planRowKind(row)) {
    case 'journal': {
      const visible = canSeeEntry(ctx.actor, {
        authorId: String(doc.authorId ?? ''),
        visibility: doc.visibility === 'pair' || doc.visibility === 'program' ? doc.visibility : 'private',
        menteeConsented: doc.menteeConsented === true,
        pair: { tenantId: pair?.tenantId ?? ctx.actor.tenantId, mentorId: pair?.mentorId ?? '', menteeId: pair?.menteeId ?? '' },
        program: { tenantId: pair?.tenantId ?? ctx.actor.tenantId, managerIds: managerIdsOf(ctx.rows, pair?.programId) },
      });
      return visible ? 'show' : { withheld: 'A journal entry another person wrote that is not shared with you.' };
    }
    case 'repair':
      // Asked privately, for the program's managers: the other person of the pair does not see it.
      return doc.requestedBy === ctx.subject.id ? 'show' : { withheld: 'A record another person made privately.' };
    case 'feedbackresp':
      return doc.respondentId === ctx.subject.id
        ? 'show'
        : { withheld: 'Another person’s answer to a feedback request; the request’s results show it as the request allows.' };
    case 'feedback': {
      if (member) return 'show';
      const respondents = Array.isArray(doc.respondents) ? (doc.respondents as { personId?: string }[]) : [];
      const { respondents: _all, ...rest } = doc;
      return {
        record: { ...rest, respondents: respondents.filter((r) => r.personId === ctx.subject.id) },
      };
    }
    default:
      return member ? 'show' : { withheld: 'A record of a mentoring pair you are not part of.' };
  }
}
