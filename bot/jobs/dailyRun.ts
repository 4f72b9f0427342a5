// A job that runs once a day however many server instances tick it: the `{job}` / {UTC date} row of
// the Jobs table is claimed with a lease.
//   Two instances racing: one create succeeds, the other gets 409 and stops ('busy'). A run found
//   done stops too ('already_done'); a lease that expired (its holder died) is taken over under the
//   row's ETag, by one instance only.
import { RestError, type TableClient } from '@azure/data-tables';
import type { Lease } from './lease';

interface RunRow {
  status: 'running' | 'done';
  owner: string;
  leaseUntil: string;
}

const isStatus = (e: unknown, ...codes: number[]) => e instanceof RestError && codes.includes(e.statusCode ?? 0);

export function dailyRun(jobs: TableClient, job: string, lease: Lease) {
  return {
    async claim(day: string): Promise<'claimed' | 'already_done' | 'busy'> {
      const row = { partitionKey: job, rowKey: day, status: 'running', owner: lease.owner, leaseUntil: lease.until().toISOString() };
      try {
        await jobs.createEntity(row);
        return 'claimed';
      } catch (e) {
        if (!isStatus(e, 409)) throw e;
      }
      const current = await jobs.getEntity<RunRow>(job, day);
      if (current.status === 'done') return 'already_done';
      if (lease.held(current.leaseUntil)) return 'busy';
      try {
        await jobs.updateEntity(row, 'Replace', { etag: current.etag });
        return 'claimed';
      } catch (e) {
        if (isStatus(e, 412, 409)) return 'busy';
        throw e;
      }
    },

    /** Records the day's run as done, with what it did. */
    async done(day: string, report: Record<string, string | number>, at: Date): Promise<void> {
      await jobs.upsertEntity(
        { partitionKey: job, rowKey: day, status: 'done', owner: lease.owner, leaseUntil: at.toISOString(), ...report },
        'Replace',
      );
    },
  };
}
