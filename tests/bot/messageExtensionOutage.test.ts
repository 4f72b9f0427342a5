// Storage goes down under a running bot: every message extension invoke still answers, in time and
// politely — a dialog, a sentence, an empty unfurl — never an error or a 501 ("Unable to reach app").
import { describe, expect } from 'vitest';
import { goalChoiceValue, meInputs } from '../../bot/cards/messageExtensionForms';
import { en } from '../../bot/cards/strings';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { meCommands, MY_GOALS_SEARCH_PARAMETER } from '../../bot/teams/messageExtensionCommands';
import type { TeamsUser } from '../support/botActivities';
import { dialogOf, textsOf } from '../support/messageExtensionDriver';
import { serverTest } from '../support/fixtures';

const logLines: string[] = [];
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
// Its own Azurite, stopped once the server has started: every read and write fails.
const test = serverTest.override({
  serverOptions: { storage: 'down', seed: false, logLines, env: { PUBLIC_URL: 'https://mentoring.contoso.example' } },
  chat: { conversationId: '19:chat@thread.v2', conversationType: 'groupChat' },
});

describe('message extension during a storage outage', () => {
  test('answers every invoke politely and writes nothing of what was typed to the log', async ({ me }) => {
    for (const commandId of [meCommands.sendFeedback, meCommands.recognizeWin, meCommands.requestFeedback]) {
      expect(textsOf(dialogOf(await me.fetchTask(priya, commandId)))).toContain(en.messageExtension.unavailable);
    }
    const secret = 'a private note about Alex';
    const submitted = dialogOf(
      await me.submit(priya, meCommands.sendFeedback, {
        [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'),
        [meInputs.text]: secret,
      }),
    );
    expect(textsOf(submitted)).toContain(en.messageExtension.unavailable);
    expect(await me.query(priya, meCommands.myGoals, [{ name: MY_GOALS_SEARCH_PARAMETER, value: 'incident' }])).toEqual({
      composeExtension: { type: 'message', text: en.messageExtension.unavailable },
    });
    expect(await me.queryLink(priya, `https://mentoring.contoso.example/plans/${demoPairIds.alex}`)).toEqual({
      composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] },
      cacheInfo: { cacheType: 'no-cache' },
    });
    expect(logLines.some((l) => JSON.parse(l).msg === 'message extension failed')).toBe(true);
    expect(logLines.join('\n')).not.toContain(secret);
  });
});
