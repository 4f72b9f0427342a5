// How many goals name each strategic priority of a program, for the rule that a priority in use is
// archived, not removed (shared/program/priorityArchive.ts). Asked only when a manager's edit drops a
// priority: it reads the pair rows of the Plans table and the goal rows of the program's pairs.
import { odata } from '@azure/data-tables';
import { inTenant } from '../../shared/policy';
import type { PriorityUsage } from '../../shared/repositories';
import type { Tables } from './tables';

interface PairData {
  mentorship?: { programId?: string; tenantId?: string };
}

export function priorityUsage(tables: Pick<Tables, 'plans'>): PriorityUsage {
  return async (program) => {
    const pairs = new Set<string>();
    const pairRows = tables.plans.listEntities<{ data?: string }>({
      queryOptions: { filter: odata`RowKey eq ${'pair'}` },
    });
    for await (const row of pairRows) {
      const m = (JSON.parse(row.data ?? '{}') as PairData).mentorship;
      if (m?.programId === program.id && m.tenantId !== undefined && inTenant(m.tenantId, program)) pairs.add(row.partitionKey ?? '');
    }
    const counts: Record<string, number> = {};
    for (const pk of pairs) {
      const goals = tables.plans.listEntities<{ data?: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and kind eq ${'goal'}`, select: ['data'] },
      });
      for await (const row of goals) {
        const priorityId = (JSON.parse(row.data ?? '{}') as { priorityId?: string }).priorityId;
        if (priorityId !== undefined) counts[priorityId] = (counts[priorityId] ?? 0) + 1;
      }
    }
    return counts;
  };
}
