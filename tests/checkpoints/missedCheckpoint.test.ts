// A checkpoint not signed off two weeks after its date is missed, and the pair sees it so; signing
// it off late still counts.
import { describe, expect } from 'vitest';
import { demoPairIds } from '../../bot/dev/demoData';
import { pathFor, paths } from '../../shared/api';
import type { CheckpointListView } from '../../shared/checkpoints/checkpointService';
import { fakeClock } from '../support/checkIns';
import { serverTest } from '../support/fixtures';

const clock = fakeClock(new Date());
const test = serverTest.override({ serverOptions: { now: () => clock.date } });
const pairId = demoPairIds.alex;
const list = pathFor(paths.checkpoints, { pairId });

describe('a missed checkpoint', () => {
  test('shows as missed to the pair two weeks after its date, and can still be completed', async ({ alex, priya }) => {
    const before = await alex().get<CheckpointListView>(list);
    const next = before.body.checkpoints.at(-1)!;
    expect(next.state).toBe('upcoming');

    // 15 days after the checkpoint's date, nobody signed it off.
    clock.set(new Date(`${next.dueDate}T12:00:00.000Z`));
    clock.advance(15 * 86_400_000);
    const later = await priya().get<CheckpointListView>(list);
    expect(later.body.checkpoints.find((c) => c.dueDate === next.dueDate)?.state).toBe('missed');
    // The list goes on to the following checkpoint.
    expect(later.body.checkpoints.at(-1)!.dueDate > next.dueDate).toBe(true);

    const at = pathFor(paths.checkpoint, { pairId, dueDate: next.dueDate });
    const started = await alex().post(at);
    const one = await alex().post(pathFor(paths.checkpointSignOff, { pairId, dueDate: next.dueDate }), undefined, {
      'If-Match': started.body.etag,
    });
    await priya().post(pathFor(paths.checkpointSignOff, { pairId, dueDate: next.dueDate }), undefined, { 'If-Match': one.body.etag });
    const after = await alex().get<CheckpointListView>(list);
    expect(after.body.checkpoints.find((c) => c.dueDate === next.dueDate)?.state).toBe('signed_off');
  });
});
