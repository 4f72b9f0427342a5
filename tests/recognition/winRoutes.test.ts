// Wins over HTTP, as the tab calls them: list, add, and the mentee's consent switch with If-Match.
// Every refused request answers with a message a person can act on and writes nothing.
import { describe, expect, it } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type WinListView, type WinView } from '../../shared/api';
import { WIN_TEXT_MAX } from '../../shared/recognition/win';
import { apiAs } from '../support/apiClient';
import { serverOutsideTests, serverTest } from '../support/fixtures';

// The bad-input table is built before the tests run: its requests reach the file's server through this.
const server = serverOutsideTests(serverTest);
const pairId = demoPairIds.alex;
const alex = () => apiAs(server.baseUrl, demoPeople.menteeAlex.id);
const priya = () => apiAs(server.baseUrl, demoPeople.mentor.id);
const sam = () => apiAs(server.baseUrl, demoPeople.menteeSam.id);
const wins = () => pathFor(paths.wins, { pairId });
const winPath = (winId: string) => pathFor(paths.win, { pairId, winId });
const list = async () => (await alex().get<WinListView>(wins())).body.wins;

describe('wins over HTTP', () => {
  it('adds a win, lists it with who recognized it and its goal, and takes the mentee’s consent with If-Match', async () => {
    const added = await priya().post(wins(), { text: 'Closed the incident in 20 minutes', goalId: 'alex-oncall' });
    expect(added.status).toBe(201);
    const listed = (await list()).find((w) => w.value.id === added.body.value.id) as WinView;
    expect(listed).toMatchObject({
      recognizedByName: 'Priya Raman',
      goalTitle: 'Lead incident response for the payments service',
      etag: added.body.etag,
      value: { shareInDigest: false },
    });

    const consent = await alex().patch(winPath(listed.value.id), { shareInDigest: true }, listed.etag);
    expect(consent.status).toBe(200);
    expect(consent.body.value.shareInDigest).toBe(true);

    const stale = await alex().patch(winPath(listed.value.id), { shareInDigest: false }, listed.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.etag).toBe(consent.body.etag);

    const byMentor = await priya().patch(winPath(listed.value.id), { shareInDigest: false }, consent.body.etag);
    expect(byMentor.status).toBe(403);
    expect(byMentor.body.error.message).toMatch(/Only Alex Chen decides/);

    const byOutsider = await sam().get(wins());
    expect(byOutsider.status).toBe(404);
  });
});

describe('bad input', () => {
  const cases: { name: string; send: () => Promise<{ status: number; body: any }>; status: number; field?: string; message: RegExp }[] = [
    { name: 'an empty win', send: () => alex().post(wins(), { text: '  ' }), status: 400, field: 'text', message: /Say what the win was/ },
    {
      name: 'a win too long',
      send: () => alex().post(wins(), { text: 'x'.repeat(WIN_TEXT_MAX + 1) }),
      status: 400,
      field: 'text',
      message: new RegExp(`at most ${WIN_TEXT_MAX} characters`),
    },
    {
      name: 'a goal of another plan',
      send: () => alex().post(wins(), { text: 'Elsewhere', goalId: 'sam-stakeholders' }),
      status: 400,
      field: 'goalId',
      message: /not part of this plan/,
    },
    {
      name: 'a recognizer in the body',
      send: () => alex().post(wins(), { text: 'Sneaky', recognizedBy: demoPeople.mentor.id }),
      status: 400,
      message: /Unknown field: recognizedBy/,
    },
    {
      name: 'a mentor’s consent on the mentee’s behalf',
      send: () => priya().post(wins(), { text: 'Shared for Alex', shareInDigest: true }),
      status: 400,
      field: 'shareInDigest',
      message: /Only Alex Chen can agree/,
    },
    {
      name: 'consent that is not a yes or no',
      send: async () => alex().patch(winPath((await list())[0]!.value.id), { shareInDigest: 'yes' }, (await list())[0]!.etag),
      status: 400,
      field: 'shareInDigest',
      message: /Expected boolean/,
    },
    {
      name: 'consent without If-Match',
      send: async () => alex().patch(winPath((await list())[0]!.value.id), { shareInDigest: true }),
      status: 428,
      message: /If-Match/,
    },
    {
      name: 'consent for a win that does not exist',
      send: () => alex().patch(winPath('no-such-win'), { shareInDigest: true }, `W/"datetime'2001-01-01T00%3A00%3A00Z'"`),
      status: 404,
      message: /does not exist/,
    },
  ];

  it.each(cases)('refuses $name and changes nothing', async ({ send, status, field, message }) => {
    const before = JSON.stringify(await list());
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.message + JSON.stringify(res.body.error.issues ?? [])).toMatch(message);
    if (field) expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(JSON.stringify(await list())).toBe(before);
  });
});
