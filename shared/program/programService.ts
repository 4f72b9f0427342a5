// Program settings: what program managers define for everyone in the program.
import { inActorsTenant, isProgramManager, authorizeProgram, type Actor } from '../policy';
import type { Program, ProgramSettingsInput } from '../program';
import type { PriorityUsage, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import { removedPrioritiesInUse } from './priorityArchive';

/** A program its manager may open: for choosing it in the tab. */
export interface ManagedProgram {
  id: string;
  name: string;
}

export interface ProgramServiceDeps {
  programs: ProgramRepository;
  priorityUsage: PriorityUsage;
  /**
   * Told after the program's cycle end was set or changed, so the pairs' renewal cards are filed
   * for it; it starts that work and returns, the change does not wait for it.
   */
  onCycleEndChanged?: (program: Program) => void;
}

export function createProgramService({ programs, priorityUsage, onCycleEndChanged }: ProgramServiceDeps) {
  async function open(actor: Actor, programId: string, action: 'view_settings' | 'edit_settings'): Promise<Result<Versioned<Program>>> {
    const found = await programs.get(programId);
    // A program of another tenant is answered as missing (policy.ts, tenant isolation).
    if (!found || !inActorsTenant(actor, found.value)) return fail('not_found', 'There is no such program, or you do not manage it.');
    const allowed = authorizeProgram(actor, found.value, action);
    return allowed.ok ? { ok: true, value: found } : allowed;
  }

  return {
    settings: (actor: Actor, programId: string) => open(actor, programId, 'view_settings'),

    /** The programs of the caller's tenant that the caller manages (named, or by the app role); none for everyone else. */
    async managedBy(actor: Actor): Promise<Result<{ programs: ManagedProgram[] }>> {
      const all = await programs.listInTenant(actor.tenantId);
      const managed = all.filter((p) => isProgramManager(actor, p)).map((p) => ({ id: p.id, name: p.name }));
      return ok({ programs: managed.sort((a, b) => a.name.localeCompare(b.name)) });
    },

    async updateSettings(actor: Actor, programId: string, etag: string, input: ProgramSettingsInput): Promise<Result<Versioned<Program>>> {
      const current = await open(actor, programId, 'edit_settings');
      if (!current.ok) return current;
      const next: Program = { ...input, id: programId, tenantId: current.value.value.tenantId };
      // A manager who takes themselves off the list would lock themselves out mid-edit.
      if (!isProgramManager(actor, next)) {
        const message = 'You cannot remove yourself from the program managers.';
        return fail('invalid', message, { issues: [{ path: 'managerIds', message }] });
      }
      const before = current.value.value.priorities;
      if (before.some((p) => !next.priorities.some((n) => n.id === p.id))) {
        const issues = removedPrioritiesInUse(before, next.priorities, await priorityUsage(next));
        if (issues.length > 0) return fail('invalid', issues.map((i) => i.message).join(' '), { issues });
      }
      const saved = await programs.update(next, etag);
      if (saved.ok && saved.value.value.cycleEnd !== current.value.value.cycleEnd) onCycleEndChanged?.(saved.value.value);
      return saved;
    },
  };
}

export type ProgramService = ReturnType<typeof createProgramService>;
