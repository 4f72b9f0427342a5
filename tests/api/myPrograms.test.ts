// GET /api/me/programs: the programs the caller manages, by being named or by the ProgramManager app
// role, and only in the caller's own tenant. Everyone else gets an empty list.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPeople, demoProgram } from '../../bot/dev/demoData';
import { paths } from '../../shared/api';
import { todayIn } from '../../shared/dates';
import { PROGRAM_MANAGER_ROLE } from '../../shared/policy';
import { bearer } from '../support/entraTokens';
import { serverTest } from '../support/fixtures';

const test = serverTest
  .extend('api', { scope: 'file' }, ({ startServer, entra }) => startServer({ env: entra.productionEnv }))
  .extend(
    'programsOf',
    ({ api }) =>
      async function programsOf(token: string) {
        const res = await fetch(`${api.baseUrl}${paths.myPrograms}`, { headers: bearer(token) });
        return { status: res.status, body: (await res.json()) as { programs: { id: string; name: string }[] } };
      },
  );

const demo = { id: DEMO_PROGRAM_ID, name: 'Engineering Mentoring 2026' };

describe('the programs I manage', () => {
  test('name the demo program for Jordan, who is named its manager', async ({ entra, programsOf }) => {
    const res = await programsOf(await entra.mint({ oid: demoPeople.manager.id }));
    expect(res).toEqual({ status: 200, body: { programs: [demo] } });
  });

  test('are none for a mentee or a mentor of the program', async ({ entra, programsOf }) => {
    for (const oid of [demoPeople.menteeAlex.id, demoPeople.mentor.id]) {
      expect(await programsOf(await entra.mint({ oid }))).toEqual({ status: 200, body: { programs: [] } });
    }
  });

  test('hold every program of the tenant for the ProgramManager app role, and none of another tenant', async ({
    entra,
    api,
    programsOf,
  }) => {
    const foreign = {
      ...demoProgram(todayIn('UTC', new Date())),
      id: 'second-tenant-program',
      tenantId: entra.secondTenantId,
      name: 'Elsewhere',
      managerIds: [],
    };
    await api.app.repositories.programs.save(foreign);

    const homeByRole = await entra.mint({ oid: randomUUID(), roles: [PROGRAM_MANAGER_ROLE] });
    expect((await programsOf(homeByRole)).body.programs).toEqual([demo]);

    const foreignByRole = await entra.mint({ oid: randomUUID(), tid: entra.secondTenantId, roles: [PROGRAM_MANAGER_ROLE] });
    expect((await programsOf(foreignByRole)).body.programs).toEqual([{ id: 'second-tenant-program', name: 'Elsewhere' }]);

    // Jordan's object id in the second tenant is someone else, named nowhere there.
    const jordanElsewhere = await entra.mint({ oid: demoPeople.manager.id, tid: entra.secondTenantId });
    expect((await programsOf(jordanElsewhere)).body.programs).toEqual([]);
  });
});
