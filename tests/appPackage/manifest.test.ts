// Builds the local app package the way `npm run package` does and checks what Teams would receive.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppPackage, fillPlaceholders, repoRoot, type BuiltPackage } from '../../appPackage/buildPackage';
import { iconProblems } from '../../appPackage/iconRules';
import { renderColorIcon, renderOutlineIcon } from '../../appPackage/icons';
import { manifestSchemaErrors } from '../../appPackage/manifestSchema';
import { en } from '../../bot/cards/strings';
import { botCommands } from '../../bot/teams/commands';
import { PLAN_TAB_ENTITY_ID } from '../../bot/teams/deepLinks';
import { meCommands, MY_GOALS_SEARCH_PARAMETER } from '../../bot/teams/messageExtensionCommands';

let outDir: string;
let built: BuiltPackage;
let zip: AdmZip;
let manifest: any;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'apppackage-'));
  // The committed environment only: a developer's .user overrides must not change the verdict.
  built = await buildAppPackage({ env: 'local', outDir, userFile: false });
  zip = new AdmZip(built.zipPath);
  manifest = JSON.parse(zip.readAsText('manifest.json'));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const pngIn = (name: string) => PNG.sync.read(zip.readFile(name)!);

describe('app package (local)', () => {
  it('holds exactly the manifest and the two icons', () => {
    expect(built.zipPath).toBe(join(outDir, 'appPackage.local.zip'));
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a manifest that passes Microsoft’s schema, read offline', async () => {
    expect(manifest.manifestVersion).toBe('1.29');
    expect(await manifestSchemaErrors(manifest)).toEqual([]);
  });

  it('has no placeholder left', () => {
    expect(zip.readAsText('manifest.json')).not.toMatch(/\$\{\{/);
    expect(manifest.id).toBe('6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01');
    expect(manifest.name.short).toBe('Mentoring (local)');
  });

  it('has the icons Teams requires: 192x192 color, 32x32 white outline on transparency', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect([pngIn('color.png').width, pngIn('color.png').height]).toEqual([192, 192]);
    expect([pngIn('outline.png').width, pngIn('outline.png').height]).toEqual([32, 32]);
    expect(iconProblems('color', zip.readFile('color.png')!)).toEqual([]);
    expect(iconProblems('outline', zip.readFile('outline.png')!)).toEqual([]);
    expect(pngIn('outline.png').data[3]).toBe(0); // top-left corner is transparent
  });

  it('ships the icons as appPackage/icons.ts draws them', () => {
    expect(PNG.sync.read(readFileSync(join(repoRoot, 'appPackage/color.png'))).data).toEqual(PNG.sync.read(renderColorIcon()).data);
    expect(PNG.sync.read(readFileSync(join(repoRoot, 'appPackage/outline.png'))).data).toEqual(PNG.sync.read(renderOutlineIcon()).data);
  });

  it('has the personal tab the bot deep-links to', () => {
    expect(manifest.staticTabs[0]).toEqual({
      entityId: PLAN_TAB_ENTITY_ID,
      name: 'Mentoring',
      contentUrl: 'http://localhost:3978/',
      websiteUrl: 'http://localhost:3978/',
      scopes: ['personal'],
    });
    expect(manifest.validDomains).toEqual(['localhost:3978']);
  });

  it('lists the bot’s commands, with the help card’s descriptions, in personal scope', () => {
    expect(manifest.bots).toHaveLength(1);
    // Personal for check-ins; team for the weekly digest in a program channel; group chats for feedback requests.
    expect(manifest.bots[0]).toMatchObject({ botId: '00000000-0000-0000-0000-000000000000', scopes: ['personal', 'team', 'groupChat'] });
    expect(manifest.bots[0].commandLists).toEqual([
      { scopes: ['personal'], commands: botCommands.map((command) => ({ title: command, description: en.commands[command] })) },
    ]);
  });

  it('declares the message extension the bot handles, with the texts the bot uses', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(manifest.bots[0].botId);
    const commands = Object.fromEntries(extension.commands.map((c: any) => [c.id, c]));
    expect(Object.keys(commands).sort()).toEqual(Object.values(meCommands).sort());
    for (const id of Object.values(meCommands)) {
      expect(commands[id]).toMatchObject({
        title: en.messageExtension.commands[id].title,
        description: en.messageExtension.commands[id].description,
      });
    }
    for (const id of [meCommands.sendFeedback, meCommands.recognizeWin, meCommands.requestFeedback])
      expect(commands[id]).toMatchObject({ type: 'action', fetchTask: true });
    expect(commands[meCommands.sendFeedback].context).toEqual(['compose', 'commandBox', 'message']);
    expect(commands[meCommands.myGoals]).toMatchObject({
      type: 'query',
      initialRun: true,
      parameters: [
        {
          name: MY_GOALS_SEARCH_PARAMETER,
          title: en.messageExtension.searchParameter.title,
          description: en.messageExtension.searchParameter.description,
        },
      ],
    });
  });

  it('unfurls links to the app’s own host only', () => {
    expect(manifest.composeExtensions[0].messageHandlers).toEqual([{ type: 'link', value: { domains: manifest.validDomains } }]);
  });

  it('asks Teams for an SSO token for the app registration, under the bot-bound identifier URI', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: '00000000-0000-0000-0000-000000000000',
      resource: 'api://localhost:3978/botid-00000000-0000-0000-0000-000000000000',
    });
    expect(manifest.webApplicationInfo.resource).toBe(`api://${manifest.validDomains[0]}/botid-${manifest.bots[0].botId}`);
  });
});

describe('packaging checks', () => {
  it('names every missing variable', () => {
    expect(() => fillPlaceholders('{"id": "${{TEAMS_APP_ID}}", "bot": "${{BOT_ID}}", "x": "${{BOT_ID}}"}', {}, 'dev')).toThrow(
      'appPackage/manifest.json needs TEAMS_APP_ID, BOT_ID: define them in env/.env.dev or env/.env.dev.user.',
    );
  });

  it('keeps the JSON valid whatever the value holds', () => {
    expect(JSON.parse(fillPlaceholders('{"name": "${{NAME}}"}', { NAME: 'Say "hi" \\ bye' }, 'local'))).toEqual({
      name: 'Say "hi" \\ bye',
    });
  });

  it('refuses an unknown environment', async () => {
    await expect(buildAppPackage({ env: 'nope', outDir })).rejects.toThrow('No env/.env.nope');
  });

  it('catches a manifest that breaks the schema', async () => {
    const broken = { ...manifest, name: { short: 'A name that is far longer than thirty characters' }, accentColor: 'teal' };
    const errors = await manifestSchemaErrors(broken);
    expect(errors.join('\n')).toMatch(/\/name\/short/);
    expect(errors.join('\n')).toMatch(/\/accentColor/);
  });

  it('reports icons Teams would refuse', () => {
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    expect(iconProblems('outline', PNG.sync.write(opaque))).toEqual(['outline icon has no transparent background']);
    expect(iconProblems('color', PNG.sync.write(opaque))).toEqual(['color icon is 32x32; Teams needs 192x192']);
  });
});
