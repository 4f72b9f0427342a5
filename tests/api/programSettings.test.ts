import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';

const path = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });

const test = serverTest;

describe('program settings', () => {
  test('are read and changed by a program manager, with the ETag', async ({ jordan }) => {
    const current = await jordan().get(path);
    expect(current.status).toBe(200);
    expect(current.body.value.priorities).toHaveLength(3);
    const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
    const changed = await jordan().put(path, { ...settings, checkInCadence: 'weekly' }, current.body.etag);
    expect(changed.status).toBe(200);
    expect(changed.body.value.checkInCadence).toBe('weekly');
    const stale = await jordan().put(path, { ...settings, checkInCadence: 'monthly' }, current.body.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.value.checkInCadence).toBe('weekly');
  });

  test('are not found for participants, who see the program through their plan', async ({ server }) => {
    for (const who of [demoPeople.mentor.id, demoPeople.menteeAlex.id]) {
      const res = await apiAs(server.baseUrl, who).get(path);
      expect(res.status).toBe(404);
    }
  });

  test('refuse a manager taking themselves off the list, and bad settings, writing nothing', async ({ jordan }) => {
    const current = await jordan().get(path);
    const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
    const leaving = await jordan().put(path, { ...settings, managerIds: [] }, current.body.etag);
    expect(leaving.status).toBe(400);
    expect(leaving.body.error.issues).toEqual([{ path: 'managerIds', message: expect.stringContaining('cannot remove yourself') }]);
    const backwards = await jordan().put(path, { ...settings, cycleEnd: settings.cycleStart }, current.body.etag);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues).toEqual([{ path: 'cycleEnd', message: 'The cycle must end after it starts.' }]);
    const after = await jordan().get(path);
    expect(after.body).toEqual(current.body);
  });
});
