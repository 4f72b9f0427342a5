// How many goals name each strategic priority of a program, for the rule that a priority in use is
// archived, not removed (shared/program/priorityArchive.ts). Asked only when a manager's edit drops a
// priority: it reads the program's pairs from their index and the goal rows of each.
import { odata } from '@azure/data-tables';
import type { PlanRepository, PriorityUsage } from '../../shared/repositories';
import { encodeKey, type Tables } from './tables';

export function priorityUsage(tables: Pick<Tables, 'plans'>, plans: Pick<PlanRepository, 'pairsOfProgram'>): PriorityUsage {
  return async (program) => {
    const counts: Record<string, number> = {};
    for (const pairId of await plans.pairsOfProgram(program)) {
      const goals = tables.plans.listEntities<{ data?: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${encodeKey(pairId)} and kind eq ${'goal'}`, select: ['data'] },
      });
      for await (const row of goals) {
        const priorityId = (JSON.parse(row.data ?? '{}') as { priorityId?: string }).priorityId;
        if (priorityId !== undefined) counts[priorityId] = (counts[priorityId] ?? 0) + 1;
      }
    }
    return counts;
  };
}
