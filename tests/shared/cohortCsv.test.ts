import { describe, expect, it } from 'vitest';
import { cohortColumns, cohortTemplate, dryRunCohort } from '../../shared/program/cohortCsv';

const header = cohortColumns.join(',');
const tenantId = 'tenant-a';
const file = (...rows: string[]) => [header, ...rows].join('\n');
const mentee = (id: string, extra: Partial<Record<string, string>> = {}) =>
  [
    id,
    extra.name ?? `Person ${id}`,
    extra.email ?? '',
    extra.role ?? 'mentee',
    extra.zone ?? 'Europe/Berlin',
    '09:00',
    '17:00',
    extra.days ?? '1-5',
    extra.capacity ?? '0',
  ].join(',');

describe('dryRunCohort', () => {
  it('reads the template as two valid rows', () => {
    const result = dryRunCohort(cohortTemplate, [], tenantId);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.role, r.person.displayName, r.person.workingHours.days])).toEqual([
      [2, 'mentee', 'Ada Example', [1, 2, 3, 4, 5]],
      [3, 'mentor', 'Grace Example', [1, 2, 3, 4]],
    ]);
    expect(result.rows[1]!.person.mentorCapacity).toBe(3);
  });

  it('names every bad row and why, and returns no row to import when any is bad', () => {
    const result = dryRunCohort(
      file(
        mentee('a1'),
        mentee('b2', { zone: 'Mars/Olympus' }),
        mentee('a1', { name: 'Again' }),
        mentee('', { name: 'No id' }),
        mentee('m1', { role: 'mentor', capacity: '2' }),
        mentee('c3', { days: '8' }),
      ),
      [{ id: 'm1', role: 'mentor', activeMentees: 3 }],
      tenantId,
    );
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      { line: 3, column: 'timeZone', message: 'Unknown time zone: use a name like Europe/Berlin.' },
      { line: 4, column: 'personId', message: 'The same person is on line 2.' },
      { line: 5, column: 'personId', message: 'The person id is missing.' },
      { line: 6, column: 'personId', message: 'Already enrolled as mentor.' },
      { line: 6, column: 'mentorCapacity', message: 'Over capacity: this mentor already has 3 mentees.' },
      { line: 7, column: 'workDays', message: 'Use days 1-7, like 1-5 or 1,2,3.' },
    ]);
  });

  it('refuses a file without the columns, without rows, or that is not CSV', () => {
    expect(dryRunCohort('name,email\nA,a@example.com', [], tenantId).problems[0]!.message).toMatch(
      /missing: personId, displayName, role, timeZone, workStart, workEnd, workDays, mentorCapacity\.$/,
    );
    expect(dryRunCohort(cohortTemplate.replace(',email', '').replace(/,(ada|grace)@example.com/g, ''), [], tenantId).problems).toEqual([]);
    expect(dryRunCohort(header, [], tenantId).problems).toEqual([{ line: 2, message: 'The file has no one to enrol.' }]);
    expect(dryRunCohort(`${header}\n"unclosed,quote`, [], tenantId).problems[0]!.message).toMatch(/^The file is not valid CSV/);
  });

  it('accepts a byte order mark, quoted names with commas, and column order of its own', () => {
    const reordered = ['role', ...cohortColumns.filter((c) => c !== 'role')].join(',');
    const row = 'mentor,"x9","Lee, Sam",,Asia/Tokyo,08:00,16:00,"1,2,3",2';
    const result = dryRunCohort(`\uFEFF${reordered}\r\n${row}\r\n`, [], tenantId);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]!.person).toEqual({
      id: 'x9',
      tenantId,
      displayName: 'Lee, Sam',
      timeZone: 'Asia/Tokyo',
      workingHours: { start: '08:00', end: '16:00', days: [1, 2, 3] },
      mentorCapacity: 2,
    });
  });

  it('a mentor needs a capacity; a mentee enrolled again as mentor is fine', () => {
    expect(dryRunCohort(file(mentee('m2', { role: 'mentor', capacity: '0' })), [], tenantId).problems).toEqual([
      { line: 2, column: 'mentorCapacity', message: 'A mentor needs a capacity of at least 1.' },
    ]);
    expect(
      dryRunCohort(file(mentee('p1', { role: 'mentor', capacity: '1' })), [{ id: 'p1', role: 'mentee', activeMentees: 0 }], tenantId)
        .problems,
    ).toEqual([]);
  });

  it('names people of another organization and mentors whose mentees elsewhere exceed the capacity', () => {
    const result = dryRunCohort(file(mentee('x1'), mentee('m5', { role: 'mentor', capacity: '1' })), [], tenantId, {
      otherOrganization: new Set(['x1']),
      menteesNow: new Map([['m5', 2]]),
    });
    expect(result.problems).toEqual([
      { line: 2, column: 'personId', message: 'This person belongs to another organization.' },
      { line: 3, column: 'mentorCapacity', message: 'Over capacity: this mentor already has 2 mentees.' },
    ]);
  });
});
