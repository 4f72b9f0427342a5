// A lease is a claim on a stored row that expires: the holder writes (owner, leaseUntil) under the
// row's ETag, so of several instances claiming at once exactly one write succeeds (the others get a
// 412 or 409 and move on). A holder that dies leaves its lease to expire; the next run takes the row
// over the same way. The rows' own tables write the claims; this is the timing every job shares.
import type { Clock } from './clock';

export interface LeaseTerms {
  /** Names this instance in the rows it claims (for logs and diagnosis). */
  owner: string;
  /** How long a claim holds: longer than the work it covers (a send with its timeout and a backoff). */
  ms: number;
  clock: Pick<Clock, 'now'>;
}

export function leaseTerms(terms: LeaseTerms) {
  const { owner, ms, clock } = terms;
  return {
    owner,
    ms,
    /** Whether a lease ending at `leaseUntil` still holds: its row is someone's, not to be touched. */
    held(leaseUntil: string | undefined): boolean {
      return leaseUntil !== undefined && Date.parse(leaseUntil) > clock.now();
    },
    /** The end of a lease taken (or renewed) now. */
    until(): Date {
      return new Date(clock.now() + ms);
    },
    /** Renew when less than half the lease is left: the next step must finish inside it. */
    renewalDue(leaseUntil: string): boolean {
      return Date.parse(leaseUntil) - clock.now() < ms / 2;
    },
    /** Whether a wait of `waitMs` would outlast what a fresh lease safely covers. */
    outlasts(waitMs: number): boolean {
      return waitMs > ms / 2;
    },
  };
}

export type Lease = ReturnType<typeof leaseTerms>;
