// Each person's data in their own hands (capability 14), over the tables: the export of everything
// about the caller, and the erasure of it. What to export and what erasing means is decided in
// shared/privacy/ from the rows; this reads every table, carries the plan out and tells the other
// person of a pair that ended.
import { buildExport, planErasure, rowsAbout, rowsOfTenant, type DataExport, type ErasureReport } from '../../shared/privacy/dataRights';
import { documentOf, standInFor, type DataSubject, type StoredRow } from '../../shared/privacy/personalData';
import type { Actor } from '../../shared/policy';
import type { ConversationRepository } from '../../shared/repositories';
import { ok, type Result } from '../../shared/result';
import { pairEndedCard } from '../cards/pairEndedCard';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { Logger } from '../log';
import { tableNames, type TableName, type Tables } from '../storage/tables';
import { deleteRows, isChangedMeanwhile, readAllTables, replaceRow } from './storedRows';
import { rulesByTableName } from './tablePrivacy';

export interface DataRightsDeps {
  tables: Tables;
  conversations: Pick<ConversationRepository, 'get'>;
  messenger: ProactiveMessenger;
  log: Logger;
  now: () => Date;
  newId: () => string;
  /** Called once the person is erased: caches of this instance forget them. */
  onErased?: (personId: string) => void;
  /**
   * Told the pairs the erasure ended (it rewrites their rows directly, past the repositories), so
   * what follows a pair's state, such as the program's health, learns of it.
   */
  onPairsEnded?: (pairIds: string[]) => Promise<void>;
}

const tableKeyByName = Object.fromEntries(Object.entries(tableNames).map(([key, name]) => [name, key as TableName]));

/** Who the person is in the rows: their profile, else the snapshot a pair kept; their chat with the bot. */
export function subjectOf(personId: string, rows: readonly StoredRow[]): DataSubject {
  const subject: DataSubject = { id: personId };
  const profile = rows.find((r) => r.table === tableNames.people && r.partitionKey === 'person' && r.rowKey === personId);
  const doc = profile ? (documentOf(profile) as { displayName?: string; email?: string } | undefined) : undefined;
  if (doc) Object.assign(subject, { displayName: doc.displayName, email: doc.email });
  if (!subject.displayName) {
    for (const r of rows) {
      if (r.table !== tableNames.plans || r.rowKey !== 'pair') continue;
      const members = (documentOf(r) as { members?: Record<string, { id?: string; displayName?: string; email?: string }> })?.members ?? {};
      const me = Object.values(members).find((m) => m?.id === personId);
      if (me) Object.assign(subject, { displayName: me.displayName, email: subject.email ?? me.email });
      if (me) break;
    }
  }
  const conversation = rows.find((r) => r.table === tableNames.conversations && r.rowKey === personId);
  const reference = conversation
    ? (documentOf(conversation) as { conversationId?: string; reference?: { user?: { id?: string } } })
    : undefined;
  subject.aliases = [reference?.conversationId, reference?.reference?.user?.id].filter(
    (a): a is string => typeof a === 'string' && a !== '',
  );
  return subject;
}

/** The pairs the person belongs to, from their rows in the pair index. */
const pairsOf = (personId: string, rows: readonly StoredRow[]) =>
  new Set(rows.filter((r) => r.table === tableNames.pairIndex && r.partitionKey === personId).map((r) => r.rowKey));

export function createDataRights(deps: DataRightsDeps) {
  const { tables, conversations, messenger, log, now } = deps;

  /** The rows about a person, in the caller's tenant only: the same object id in another tenant is someone else. */
  async function rowsAboutPerson(personId: string, tenantId: string) {
    const all = rowsOfTenant(await readAllTables(tables, tableNames), tenantId, tableNames.pairIndex);
    const subject = subjectOf(personId, all);
    return { subject, rows: rowsAbout(all, subject, rulesByTableName, pairsOf(personId, all)) };
  }

  async function tell(otherPersonId: string, pairId: string) {
    try {
      const conversation = await conversations.get(otherPersonId);
      if (!conversation) return;
      const outcome = await messenger.send(conversation.reference, pairEndedCard());
      if (outcome.kind !== 'sent') log.warn('could not tell the other person their pair ended', { pairId, outcome: outcome.kind });
    } catch (error) {
      log.warn('could not tell the other person their pair ended', {
        pairId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async function eraseOnce(
    personId: string,
    tenantId: string,
  ): Promise<ErasureReport & { closed: { pairId: string; otherPersonId: string }[] }> {
    const { subject, rows } = await rowsAboutPerson(personId, tenantId);
    const plan = planErasure({ subject, standIn: standInFor(deps.newId()), rows, rules: rulesByTableName, now: now() });
    // Rewrites first, deletes after: a failure half-way leaves the person's own rows, so a retry
    // still finds who they were.
    for (const step of plan.steps) {
      if (step.kind !== 'replace') continue;
      const key = tableKeyByName[step.row.table];
      if (key) await replaceRow(tables[key], step.row, step.to);
    }
    const deletes = new Map<TableName, StoredRow[]>();
    for (const step of plan.steps) {
      const key = step.kind === 'delete' ? tableKeyByName[step.row.table] : undefined;
      if (key) deletes.set(key, [...(deletes.get(key) ?? []), step.row]);
    }
    for (const [key, rows] of deletes) await deleteRows(tables[key], rows);
    return {
      deletedRows: plan.steps.filter((s) => s.kind === 'delete').length,
      rewrittenRows: plan.steps.filter((s) => s.kind === 'replace').length,
      endedPairs: plan.closedPairs.length,
      closed: plan.closedPairs,
    };
  }

  return {
    /** Everything the app holds about the caller or that they wrote, as one readable document. */
    async exportFor(actor: Actor): Promise<Result<DataExport>> {
      const { subject, rows } = await rowsAboutPerson(actor.id, actor.tenantId);
      return ok(buildExport({ actor, subject, rows, rules: rulesByTableName, now: now() }));
    },

    /**
     * Erases the caller: afterwards no row names them. A row changed by someone else meanwhile makes
     * the erasure read again and carry on; erasing someone already erased changes nothing.
     */
    async erase(actor: Actor): Promise<Result<ErasureReport>> {
      const total: ErasureReport = { deletedRows: 0, rewrittenRows: 0, endedPairs: 0 };
      const closed: { pairId: string; otherPersonId: string }[] = [];
      for (let attempt = 1; ; attempt++) {
        try {
          const done = await eraseOnce(actor.id, actor.tenantId);
          total.deletedRows += done.deletedRows;
          total.rewrittenRows += done.rewrittenRows;
          total.endedPairs += done.endedPairs;
          closed.push(...done.closed);
          if (done.deletedRows + done.rewrittenRows === 0 || attempt >= 3) break;
        } catch (error) {
          if (!isChangedMeanwhile(error) || attempt >= 3) throw error;
        }
      }
      deps.onErased?.(actor.id);
      const ended = [...new Set(closed.map((c) => c.pairId))];
      if (ended.length > 0)
        await deps
          .onPairsEnded?.(ended)
          .catch((error: unknown) =>
            log.warn('could not pass on the pairs an erasure ended', { error: error instanceof Error ? error.message : String(error) }),
          );
      log.info('a person’s data was erased', {
        deletedRows: total.deletedRows,
        rewrittenRows: total.rewrittenRows,
        endedPairs: total.endedPairs,
      });
      await Promise.all(closed.map((c) => tell(c.otherPersonId, c.pairId)));
      return ok(total);
    },
  };
}

export type DataRights = ReturnType<typeof createDataRights>;
