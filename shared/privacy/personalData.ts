// Each person's data in their own hands (capability 14): what the app holds about someone, as the
// rows of its tables, and what exporting or erasing it means. Pure: the rows come in, a document
// or an erasure plan comes out; bot/privacy/ reads the tables and carries the plan out.
//
// A row is about a person when its keys or any of its values name their id, email or display name
// (or another identifier of theirs, such as their Teams chat). How each table's rows are treated is
// one rule per table (bot/privacy/tablePrivacy.ts), so a new table is one line there.

/** A stored row as Table Storage holds it: keys, ETag and every other property as stored. */
export interface StoredRow {
  table: string;
  partitionKey: string;
  rowKey: string;
  etag?: string;
  properties: Record<string, unknown>;
}

/** Who the data is about: what identifies them in stored rows. */
export interface DataSubject {
  id: string;
  displayName?: string;
  email?: string;
  /** Other identifiers of theirs in stored rows: their Teams user id, their personal chat's id. */
  aliases?: readonly string[];
}

/** What replaces a person in what others wrote, once they are erased. */
export interface StandIn {
  id: string;
  displayName: string;
  email: string;
}

export const FORMER_PARTICIPANT = 'Former participant';

/** A stand-in for an erased person: an id that names nobody, and a neutral name and address. */
export const standInFor = (randomId: string): StandIn => ({
  id: `former-${randomId.replace(/[^A-Za-z0-9-]/g, '')}`,
  displayName: FORMER_PARTICIPANT,
  email: `former-participant@erased.invalid`,
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The patterns that find a person in text: whole ids, whole names, emails (case-insensitive). */
function patternsOf(subject: DataSubject): { pattern: RegExp; replace: (s: StandIn) => string }[] {
  const out: { pattern: RegExp; replace: (s: StandIn) => string }[] = [];
  if (subject.email) out.push({ pattern: new RegExp(escapeRegExp(subject.email), 'gi'), replace: (s) => s.email });
  for (const alias of subject.aliases ?? [])
    if (alias.length >= 4) out.push({ pattern: new RegExp(escapeRegExp(alias), 'g'), replace: (s) => s.id });
  // An id counts only whole: `alex` is not found inside `alexander-2`.
  out.push({ pattern: new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(subject.id)}(?![A-Za-z0-9-])`, 'g'), replace: (s) => s.id });
  const name = subject.displayName?.trim();
  if (name)
    out.push({ pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), replace: (s) => s.displayName });
  return out;
}

/** Whether a text names the person. */
export function textMentions(text: string, subject: DataSubject): boolean {
  return patternsOf(subject).some(({ pattern }) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** Whether a row names the person anywhere: its keys or any value it stores. */
export function rowMentions(row: StoredRow, subject: DataSubject): boolean {
  if (textMentions(row.partitionKey, subject) || textMentions(row.rowKey, subject)) return true;
  return Object.values(row.properties).some((v) => typeof v === 'string' && textMentions(v, subject));
}

/** The text with every mention of the person replaced by the stand-in. */
export function redactText(text: string, subject: DataSubject, standIn: StandIn): string {
  let out = text;
  for (const { pattern, replace } of patternsOf(subject)) out = out.replace(pattern, replace(standIn));
  return out;
}

function redactValue(value: unknown, subject: DataSubject, standIn: StandIn): unknown {
  if (typeof value === 'string') return redactText(value, subject, standIn);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, subject, standIn));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, subject, standIn), redactValue(v, subject, standIn)]));
  return value;
}

/** The JSON document a row keeps in `data`, or undefined when it keeps none (or not JSON). */
export function documentOf(row: StoredRow): unknown {
  const data = row.properties.data;
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** The row with every mention of the person, in keys, columns and its JSON document, replaced. */
export function redactRow(
  row: StoredRow,
  subject: DataSubject,
  standIn: StandIn,
  change?: (doc: Record<string, unknown>) => void,
): StoredRow {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.properties)) {
    if (key === 'data' && typeof value === 'string') {
      const doc = documentOf(row);
      if (doc !== undefined) {
        const redacted = redactValue(doc, subject, standIn);
        if (change && redacted && typeof redacted === 'object' && !Array.isArray(redacted)) change(redacted as Record<string, unknown>);
        properties[key] = JSON.stringify(redacted);
        continue;
      }
    }
    properties[key] = typeof value === 'string' ? redactText(value, subject, standIn) : value;
  }
  return {
    ...row,
    partitionKey: redactText(row.partitionKey, subject, standIn),
    rowKey: redactText(row.rowKey, subject, standIn),
    properties,
  };
}
