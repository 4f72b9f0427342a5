// Program settings: what program managers define for everyone in the program.
import { inActorsTenant, isProgramManager, authorizeProgram, type Actor } from '../policy';
import type { Program, ProgramSettingsInput } from '../program';
import type { ProgramRepository } from '../repositories';
import { fail, type Result, type Versioned } from '../result';

export function createProgramService({ programs }: { programs: ProgramRepository }) {
  async function open(actor: Actor, programId: string, action: 'view_settings' | 'edit_settings'): Promise<Result<Versioned<Program>>> {
    const found = await programs.get(programId);
    // A program of another tenant is answered as missing (policy.ts, tenant isolation).
    if (!found || !inActorsTenant(actor, found.value)) return fail('not_found', 'There is no such program, or you do not manage it.');
    const allowed = authorizeProgram(actor, found.value, action);
    return allowed.ok ? { ok: true, value: found } : allowed;
  }

  return {
    settings: (actor: Actor, programId: string) => open(actor, programId, 'view_settings'),

    async updateSettings(actor: Actor, programId: string, etag: string, input: ProgramSettingsInput): Promise<Result<Versioned<Program>>> {
      const current = await open(actor, programId, 'edit_settings');
      if (!current.ok) return current;
      const next: Program = { ...input, id: programId, tenantId: current.value.value.tenantId };
      // A manager who takes themselves off the list would lock themselves out mid-edit.
      if (!isProgramManager(actor, next)) {
        const message = 'You cannot remove yourself from the program managers.';
        return fail('invalid', message, { issues: [{ path: 'managerIds', message }] });
      }
      return programs.update(next, etag);
    },
  };
}

export type ProgramService = ReturnType<typeof createProgramService>;
