// The one place that knows table names and key schemes.
//
//   table          PartitionKey          RowKey                          what
//   People         "person"              {personId}                      profile (directory copy)
//                  "approles"            {personId}                      app roles + tenant of the last validated SSO token
//                  "mentorplaces"        {personId}                      places a mentor's new pairs reserved moments ago, under
//                                                                        its ETag, so racing pairs cannot both take the last place
//   Programs       {programId}           "program"                       program settings
//   Plans          {pairId}              "pair"                          mentorship + agreement + member snapshot
//                  {pairId}              "goal|{goalId}"                 goal (current version)
//                  {pairId}              "goalrev|{goalId}|{000001}"     goal history, one row per revision
//                  {pairId}              "milestone|{milestoneId}"       milestone
//                  {pairId}              "activity|{activityId}"         development activity
//                  {pairId}              "checkin|{slot}"                check-in of a period (slot: its first local date)
//                  {pairId}              "journal|{inverted ms}|{id}"    journal entry, newest first (written with what it records)
//                  {pairId}              "checkin-schedule"              when the pair's next check-in is due; pause, snooze, unreachable
//                  {pairId}              "feedback|{requestId}"          360 feedback request (behaviors, respondents, close date)
//                  {pairId}              "feedbackresp|{requestId}|{respondentId}"  one respondent's answer, replaced when they answer again
//                  {pairId}              "win|{winId}"                   a win (written with its journal entry); the mentee's digest consent
//                  {pairId}              "checkpoint|{dueDate}"          checkpoint (current revision: draft or signed off), tenantId column
//                  {pairId}              "checkpointrev|{dueDate}|{000001}"  a signed-off checkpoint a correction replaced
//                  {pairId}              "cpreminder|{dueDate}|{role}"   a checkpoint reminder that went out (sent once)
//                  {pairId}              "renewalnotice|{cycleEnd}|{role}"  a renewal card that went out (sent once per person and cycle)
//                  {pairId}              "winretry|{hash}"               last win of one sender, text and goal: identical wins sent at once store one
//                  {pairId}              "limit|goals", "limit|milestones|{goalId}", "limit|activities|{goalId}"
//                                                                        no data: written under its ETag with each create a limit counts, so racing creates cannot pass it
//   PairIndex      {personId}            {pairId}                        the pairs a person belongs to
//                  "program|{programId}" {pairId}                        the pairs of a program, tenantId column (programPairIndex.ts)
//   Conversations  "conversation"        {personId}                      bot conversation reference
//   BotState       {encoded state key}   "state"                         teams-ai turn state
//   CheckInsDue    {UTC hour of dueAt}   "{dueAt}|{pairId}"              due index: a planned check-in and the sender's lease
//                  ("2026-11-21T09")                                     on it; a hint, the schedule row is the truth
//                  "cursor"              "sender"                        oldest hour that may still hold rows (bot/checkins/sender.ts)
//   CheckpointsDue {UTC hour of dueAt}   "{dueAt}|{pairId}|{role}"       due index of checkpoint reminders, same scheme and lease as
//                  "cursor"              "sender"                        CheckInsDue (bot/checkpoints/reminderSender.ts); pairId column is "{pairId}|{role}"
//   RenewalsDue    {UTC hour of dueAt}   "{dueAt}|{pairId}|{role}"       due index of the renewal cards, same scheme and lease as
//                  "cursor"              "sender"                        CheckInsDue (bot/renewal/renewalNotices.ts); pairId column is "{pairId}|{role}"
//   OpenFeedback   {closesOn}            "{pairId}|{requestId}"          open 360 requests by close date, so reminders and closing
//                  ("2026-11-30")                                        read a date range, not every pair; a hint, the request row is the truth
//   FeedbackAsked  {respondentId}        "{inverted ms}|{pairId}|{requestId}"  the 360 requests that name a person, newest
//                                                                        first, for their inbox in the tab; a hint, the request row is the truth
//   Digest         "channel"             {programId}                     the program channel of the weekly digest (conversation reference)
//                  {programId}|{monday}  "{pairId}|{winId}"              digest index: a win of that week whose mentee agreed to share it;
//                                                                        a hint, the win row is the truth (bot/recognition/digestJob.ts)
//                  {programId}|{monday}  "digest"                        that week's digest: claimed, sent (once per program and week)
//   Jobs           {job name}            {run date}                      a run of a daily job: claimed with a lease, done (once across instances)
//                  {job name}            "all"                           a run once per deployment (renewal cards, the program pair index)
//   Enrolments     {programId}           "person|{personId}|{role}"      who is enrolled in a program, as mentee or mentor
//                  {programId}           "import|{importId}"             a cohort import; its rows count once it is done
//                                                                        (bot/storage/enrolmentTable.ts)
//   Surveys        {programId}           "answer|{cycle}|{random id}"    one program survey answer, naming nobody (cycle: the cycle's first day)
//                  {programId}           "answered|{cycle}|{personId}"   that the person answered: the key of their answer, never the answer
//   ProgramHealth  {programId}           "pair|{pairId}"                 what one pair adds to the program's health: counts, at-risk signals,
//                                                                        both display names; no text a pair wrote (shared/health/pairHealth.ts)
//                  {programId}           "total|{slice}"                 the sum of the pair rows of a slice (all, cohort|{c}, priority|{p}),
//                                                                        written with the pair row in one transaction (programHealthTable.ts)
//                  {programId}           "atrisk|{slice}|{pairId}"       a pair at risk in a slice, while it is: ids, names and signals
//                  "{programId}|view"    "total|{slice}"                 read copy of the totals row the dashboard reads (a small partition),
//                                                                        written after the transaction, only over an older `version`
//                  "recheck|{date}"      "{programId}|{pairId}"          a pair whose at-risk state time alone may change that day, or a
//                                                                        pair a purge removed (its health row goes); a hint
//                  "refresh|owed"        {pairId}                        a pair written since its health was last refreshed: upserted before
//                                                                        the write answers, deleted under its ETag once a refresh ran; the
//                                                                        daily recheck runs one left older than a few minutes
//   ProgramRequests {programId}         "{kind}|{pairId}|{key in pair}" index of a program's open re-pair requests and mentor
//                                                                        offers (kind repair|mentoroffer); a hint written before the
//                                                                        request row, which is the truth (programRequestTable.ts)
//
// A pair's whole plan is one partition, so loading it is one query and a goal with its history
// entry is written in one atomic transaction. Keys built from user or channel input are encoded:
// Table keys may not contain / \ # ? or control characters.
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { TABLE_ENTITY_MAX_BYTES, TABLE_STRING_PROPERTY_MAX_BYTES } from '../../shared/limits';

export const tableNames = {
  people: 'People',
  programs: 'Programs',
  plans: 'Plans',
  pairIndex: 'PairIndex',
  conversations: 'Conversations',
  botState: 'BotState',
  checkInsDue: 'CheckInsDue',
  openFeedback: 'OpenFeedback',
  feedbackAsked: 'FeedbackAsked',
  digest: 'Digest',
  checkpointsDue: 'CheckpointsDue',
  renewalsDue: 'RenewalsDue',
  jobs: 'Jobs',
  surveys: 'Surveys',
  enrolments: 'Enrolments',
  programHealth: 'ProgramHealth',
  programRequests: 'ProgramRequests',
} as const;
export type TableName = keyof typeof tableNames;

export type Tables = Record<TableName, TableClient>;

/**
 * A connection string (Azurite or an account key), or the account's Table service URL with a
 * Microsoft Entra credential (a managed identity in Azure: no key anywhere).
 */
export type StorageConnection = ({ connectionString: string } | { accountUrl: string; credential: TokenCredential }) & {
  /** Prefix for table names, so several environments (or test runs) can share one account. */
  tablePrefix?: string;
};

const clientOptions = (connectionStringOrUrl: string): TableServiceClientOptions => ({
  // Azurite speaks plain HTTP on loopback; a real account is always HTTPS.
  allowInsecureConnection: /127\.0\.0\.1|localhost|UseDevelopmentStorage/i.test(connectionStringOrUrl),
  retryOptions: { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 },
});

export function openTables(conn: StorageConnection): Tables {
  const prefix = conn.tablePrefix ?? '';
  const open = (table: string) =>
    'accountUrl' in conn
      ? new TableClient(conn.accountUrl, table, conn.credential, clientOptions(conn.accountUrl))
      : TableClient.fromConnectionString(conn.connectionString, table, clientOptions(conn.connectionString));
  const entries = Object.entries(tableNames).map(([key, name]) => [key, open(`${prefix}${name}`)]);
  return Object.fromEntries(entries) as Tables;
}

/** Creates the tables that are missing (idempotent; called once at start). */
export async function ensureTables(tables: Tables): Promise<void> {
  await Promise.all(Object.values(tables).map((t) => t.createTable()));
}

/**
 * What /healthz asks: does every table the app needs answer? One cheap query per table, all at
 * once. A table that is gone (an emulator restarted in memory, a table deleted by an operator) is
 * named; storage that does not answer at all throws.
 */
export async function missingTables(tables: Tables): Promise<TableName[]> {
  const probes = Object.entries(tables).map(async ([name, client]) => {
    try {
      await client
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 })
        .next();
      return undefined;
    } catch (error) {
      if (isTableNotFound(error)) return name as TableName;
      throw error;
    }
  });
  return (await Promise.all(probes)).filter((name): name is TableName => name !== undefined);
}

/** Azure names the error in `code`; Azurite only in the body of a query's answer. */
export const isTableNotFound = (error: unknown): boolean => {
  const e = error as { name?: string; statusCode?: number; code?: string; details?: { errorCode?: string }; message?: string } | null;
  if (e?.name !== 'RestError' || e.statusCode !== 404) return false;
  return e.code === 'TableNotFound' || e.details?.errorCode === 'TableNotFound' || /"TableNotFound"/.test(e.message ?? '');
};

/**
 * Recreates missing tables without a restart: whoever notices a missing table (health, a failed
 * request) asks, and concurrent askers share one run.
 */
export function tableRecreator(tables: Tables): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= ensureTables(tables).finally(() => (running = undefined));
    return running;
  };
}

/**
 * Encodes text for use in a PartitionKey or RowKey. Table keys forbid / \ # ? and control
 * characters; `%` is escaped too so the encoding is reversible. Ordinary ids pass unchanged.
 */
export function encodeKey(text: string): string {
  return text.replace(/[%/\\#?\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

export function decodeKey(key: string): string {
  return key.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Thrown only for a bug: domain limits keep every entity far below Table Storage's. */
export class EntityTooLargeError extends Error {}

/**
 * Table Storage stores strings as UTF-16: 2 bytes a code unit. Checked before every write so an
 * oversize entity is refused whole instead of failing half-way through a batch.
 */
export function assertFitsInTable(entity: Record<string, unknown>): void {
  let total = 0;
  for (const [key, value] of Object.entries(entity)) {
    const bytes = typeof value === 'string' ? value.length * 2 : 8;
    if (typeof value === 'string' && bytes > TABLE_STRING_PROPERTY_MAX_BYTES) {
      throw new EntityTooLargeError(`Property ${key} is ${bytes} bytes; Table Storage holds ${TABLE_STRING_PROPERTY_MAX_BYTES}`);
    }
    total += bytes + key.length * 2;
  }
  if (total > TABLE_ENTITY_MAX_BYTES)
    throw new EntityTooLargeError(`Entity is ${total} bytes; Table Storage holds ${TABLE_ENTITY_MAX_BYTES}`);
}
