// How each table's rows about a person are exported and erased: one line per table. A table
// without a line here does not compile (Record over every TableName), and the export-completeness
// test seeds every table, so a new table is handled by adding its line.
import { planRowErasure, planRowSection, planRowShown, type TableRule } from '../../shared/privacy/dataRights';
import type { StoredRow } from '../../shared/privacy/personalData';
import { tableNames, type TableName } from '../storage/tables';

const named = (section: string) => () => section;
const byPartition = (sections: Record<string, string>, otherwise: string) => (row: StoredRow) => sections[row.partitionKey] ?? otherwise;

export const tablePrivacy: Record<TableName, TableRule> = {
  people: { section: byPartition({ person: 'profile', approles: 'appRoles', mentorplaces: 'mentorPlaces' }, 'profile'), erase: 'delete' },
  programs: { section: named('programsYouManage'), erase: 'redact' },
  plans: { section: planRowSection, erase: planRowErasure, show: planRowShown, pairPartitions: true },
  // A person's partition lists their pairs; a program's (`program|{programId}`) names pairs and a tenant, no one,
  // and goes with its pair when the retention purge deletes the pair.
  pairIndex: { section: named('pairIndex'), erase: 'delete' },
  conversations: { section: named('conversationReferences'), erase: 'delete' },
  botState: { section: named('botConversationState'), erase: 'delete' },
  checkInsDue: { section: named('checkInsDue'), erase: 'redact' },
  checkpointsDue: { section: named('checkpointsDue'), erase: 'redact' },
  renewalsDue: { section: named('renewalsDue'), erase: 'redact' },
  openFeedback: { section: named('openFeedbackRequests'), erase: 'redact' },
  feedbackAsked: { section: named('feedbackRequestsAskedOfYou'), erase: 'delete' },
  digest: { section: named('weeklyDigest'), erase: 'redact' },
  jobs: { section: named('jobRuns'), erase: 'redact' },
  enrolments: { section: named('programEnrolments'), erase: 'delete' },
  // An answer names nobody and stays counted (redacted if its text names the person); the marker that they answered goes.
  // The person's own answer is exported through their marker, which keeps its key.
  surveys: {
    section: (row) => (row.rowKey.startsWith('answered|') ? 'surveysYouAnswered' : 'surveyAnswers'),
    erase: (row) => (row.rowKey.startsWith('answered|') ? 'delete' : 'redact'),
    linked: (row) => (row.rowKey.startsWith('answered|') && typeof row.properties.answerKey === 'string' ? [row.properties.answerKey] : []),
  },
  // Pair ids, counts and both display names, no text a pair wrote; redacted so the program's counts stay whole.
  programHealth: { section: named('programHealth'), erase: 'redact' },
  // An index row names only the person who asked or offered; the request itself is in the pair's partition.
  programRequests: {
    section: (row) => (row.rowKey.startsWith('mentoroffer|') ? 'mentorOfferIndex' : 'repairRequestIndex'),
    erase: 'delete',
  },
};

/** The rules by stored table name (what a StoredRow carries). */
export const rulesByTableName: Record<string, TableRule> = Object.fromEntries(
  (Object.keys(tableNames) as TableName[]).map((key) => [tableNames[key], tablePrivacy[key]]),
);
