// The program survey's rows (table Surveys, partition {programId}):
//   "answer|{cycle}|{random id}"   one person's answers, naming nobody
//   "answered|{cycle}|{personId}"  that the person answered, with the key of their current answer and no answer
// Both are written in one transaction, so a second answer replaces the first and the count of
// answers always equals the count of people who answered.
import { randomUUID } from 'node:crypto';
import { odata, type TransactionAction } from '@azure/data-tables';
import { surveyAnswers } from '../../shared/survey/survey';
import type { SurveyRepository } from '../../shared/survey/surveyService';
import { isConflict, isNotFound, toRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const answerKey = (cycle: string, id: string) => `answer|${cycle}|${id}`;
const markerKey = (cycle: string, personId: string) => `answered|${cycle}|${personId}`;
const ATTEMPTS = 3;

export function surveyTable(tables: Pick<Tables, 'surveys'>): SurveyRepository {
  const table = tables.surveys;

  async function marker(programId: string, cycle: string, personId: string) {
    try {
      return await table.getEntity<{ answerKey?: string }>(encodeKey(programId), markerKey(cycle, personId));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  return {
    async hasAnswered(programId, cycle, personId) {
      return (await marker(programId, cycle, personId)) !== undefined;
    },

    async saveAnswers({ programId, tenantId, cycle, personId, answers, at, firstOnly }) {
      const pk = encodeKey(programId);
      const value = surveyAnswers.parse(answers);
      for (let attempt = 1; ; attempt++) {
        const previous = await marker(programId, cycle, personId);
        if (previous && firstOnly) return;
        const key = answerKey(cycle, randomUUID());
        const answerRow = toRow(pk, key, value, { tenantId });
        const markerRow = { partitionKey: pk, rowKey: markerKey(cycle, personId), tenantId, personId, answerKey: key, answeredAt: at };
        const actions: TransactionAction[] = [['create', answerRow]];
        if (previous) {
          actions.push(['update', markerRow, 'Replace', { etag: previous.etag }]);
          if (previous.answerKey) actions.push(['delete', { partitionKey: pk, rowKey: previous.answerKey }]);
        } else {
          actions.push(['create', markerRow]);
        }
        try {
          await table.submitTransaction(actions);
          return;
        } catch (e) {
          // The same person answering twice at once: the marker changed; read it again.
          if (attempt < ATTEMPTS && isConflict(e)) continue;
          throw e;
        }
      }
    },

    async listAnswers(programId, cycle) {
      const out = [];
      const prefix = answerKey(cycle, '');
      const rows = table.listEntities<{ data?: string }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${encodeKey(programId)} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`,
          select: ['data'],
        },
      });
      for await (const row of rows) if (typeof row.data === 'string') out.push(surveyAnswers.parse(JSON.parse(row.data)));
      return out;
    },
  };
}
