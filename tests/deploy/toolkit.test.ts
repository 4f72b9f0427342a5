// The deployment files checked offline (no Bicep compiler or Azure here): the toolkit's yaml files
// against its own schema, every ${{VAR}} they and the manifests use has a value by the time it is
// read, the Bicep outputs the yaml reads exist, the Bicep sets every app setting the server needs
// in production, and the dev package builds from what provisioning writes.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { envSchema, parseConfig } from '../../bot/config';
import { buildAppPackage, repoRoot } from '../../appPackage/buildPackage';
import { serverOutdir } from '../../scripts/buildServer';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const placeholders = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

// The toolkit's schema, vendored from the npm package (34 MB packed) with its checksum.
const SCHEMA_FILE = 'infra/schemas/teamsapp.yaml.schema.v1.13.json';
const SCHEMA_SOURCE = '@microsoft/m365agentstoolkit-cli@1.1.17 resource/yaml-schema/v1.13/yaml.schema.json';
const SCHEMA_SHA256 = '85c0b7b4d44ac1c4e93e6b323451dd9f8897b1012c6b58ede261b01066190d12';

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}
const project = (file: string) => parseYaml(read(file)) as ProjectFile;

const bicep = read('infra/main.bicep');
const bicepOutputs = [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+\s*=/gm)].map((m) => m[1]!);
const appSettings = new Map(
  [...bicep.matchAll(/\{\s*name:\s*'([A-Z0-9_]+)'\s*,\s*value:\s*(.+?)\s*\}\s*$/gm)].map((m) => [m[1]!, m[2]!] as const),
);

/** Values the toolkit asks for when empty (subscription, resource group) or generates in the step that uses them. */
const ASKED_OR_GENERATED: Record<string, string> = {
  AZURE_SUBSCRIPTION_ID: 'arm/deploy',
  AZURE_RESOURCE_GROUP_NAME: 'arm/deploy',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'aadApp/update',
};

/** What a step writes to the environment file. */
function writes(step: Step): string[] {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'arm/deploy') written.push(...bicepOutputs);
  if (step.uses === 'aadApp/update') written.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  return written;
}

/** What a step reads: its own ${{VAR}}s and those of the files it fills in. */
function reads(step: Step): string[] {
  const own = placeholders(JSON.stringify(step.with ?? {}));
  const w = step.with ?? {};
  const files = [w.manifestPath, ...((w.templates as { parameters?: string }[] | undefined) ?? []).map((t) => t.parameters)].filter(
    (f): f is string => typeof f === 'string',
  );
  return [...own, ...files.flatMap((f) => placeholders(read(f)))];
}

/** Every variable read with no value yet, in lifecycle order, as "step: VAR". */
function unsetVariables(p: ProjectFile, env: string): string[] {
  const values = parseEnv(read(`env/.env.${env}`)) as Record<string, string>;
  const known = new Set(
    Object.entries(values)
      .filter(([, v]) => v !== '')
      .map(([k]) => k),
  );
  known.add('TEAMSFX_ENV');
  const problems: string[] = [];
  for (const step of [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])]) {
    for (const name of reads(step)) {
      if (!known.has(name) && ASKED_OR_GENERATED[name] !== step.uses && !(name in values && ASKED_OR_GENERATED[name]))
        problems.push(`${step.uses}: ${name}`);
    }
    for (const name of writes(step)) known.add(name);
  }
  return [...new Set(problems)];
}

describe('the toolkit project files', () => {
  it('uses the vendored schema of the newest toolkit CLI, unchanged', () => {
    const text = read(SCHEMA_FILE);
    expect(createHash('sha256').update(text).digest('hex'), `${SCHEMA_FILE} should be ${SCHEMA_SOURCE} as published`).toBe(SCHEMA_SHA256);
    expect((JSON.parse(text) as { properties: { version: { const: string } } }).properties.version.const).toBe('v1.13');
  });

  it.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s is valid against the toolkit schema', (file) => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(read(SCHEMA_FILE)) as object);
    const ok = validate(project(file));
    expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it('the schema check catches a broken step', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(read(SCHEMA_FILE)) as object);
    const broken = project('teamsapp.yml');
    delete broken.publish![broken.publish!.length - 1]!.writeToEnvironmentFile;
    expect(validate(broken)).toBe(false);
  });

  it('provisions, deploys and publishes with the steps IT expects, in order', () => {
    const p = project('teamsapp.yml');
    expect(p.provision!.map((s) => s.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(p.provision![1]!.with).toMatchObject({ generateClientSecret: false });
    expect(p.deploy!.map((s) => s.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(p.deploy![1]!.with).toEqual({ args: 'run build' });
    expect(p.publish!.at(-1)!.uses).toBe('teamsApp/publishAppPackage');
  });

  it('uploads only what runs: dist/ and package.json', () => {
    const ignored = read('.webappignore')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    for (const path of ['node_modules/', 'bot/', 'shared/', 'tab/', 'tests/', 'env/', '*.ts', 'infra/', 'scripts/'])
      expect(ignored).toContain(path);
    expect(ignored.some((l) => l.startsWith('dist') || l === 'package.json')).toBe(false);
    expect(project('teamsapp.yml').deploy!.at(-1)!.with).toMatchObject({ artifactFolder: '.', ignoreFile: './.webappignore' });
  });

  it.each([
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ])('every variable %s and the files it fills in read has a value by then (env/.env.%s)', (file, env) => {
    expect(unsetVariables(project(file), env)).toEqual([]);
  });

  it('the variable check catches a variable nobody writes', () => {
    // Without the Azure deployment nothing writes the bot's id or the host that the manifest reads.
    const p = project('teamsapp.yml');
    p.provision = p.provision!.filter((s) => s.uses !== 'arm/deploy');
    expect(unsetVariables(p, 'dev')).toEqual(expect.arrayContaining(['aadApp/update: TAB_DOMAIN', 'aadApp/update: BOT_ID']));
  });

  it('every Bicep output the yaml and the manifests read exists', () => {
    const devValues = parseEnv(read('env/.env.dev')) as Record<string, string>;
    const p = project('teamsapp.yml');
    const armIndex = p.provision!.findIndex((s) => s.uses === 'arm/deploy');
    const writtenByOthers = new Set(p.provision!.filter((s) => s.uses !== 'arm/deploy').flatMap(writes));
    const afterArm = [...p.provision!.slice(armIndex + 1), ...p.deploy!, ...p.publish!].flatMap(reads);
    const fromBicep = [...new Set(afterArm)].filter((v) => !writtenByOthers.has(v) && !devValues[v] && v !== 'TEAMSFX_ENV');
    expect(fromBicep.sort()).toEqual(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']);
    for (const name of fromBicep) expect(bicepOutputs).toContain(name);
  });
});

describe('infra/main.bicep', () => {
  /** A value the config schema accepts for this variable, found by trying typical ones. */
  function sampleFor(key: string): string {
    const shape = envSchema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    const candidates = [
      'production',
      'entra',
      'UserAssignedMSI',
      '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      'https://mentoring-dev-abc.azurewebsites.net',
      'api://mentoring-dev-abc.azurewebsites.net/botid-3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      '60',
      'x'.repeat(64),
    ];
    const found = candidates.find((c) => shape[key]!.safeParse(c).success);
    if (!found) throw new Error(`no sample value for ${key}`);
    return found;
  }

  const PLATFORM_SETTINGS = ['NODE_OPTIONS', 'WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

  it('sets only settings the server reads (or the platform does)', () => {
    const known = new Set([...Object.keys(envSchema.shape), ...PLATFORM_SETTINGS]);
    expect([...appSettings.keys()].filter((k) => !known.has(k))).toEqual([]);
    expect(appSettings.size).toBeGreaterThan(10);
  });

  it('sets every app setting the server requires in production: its settings alone start it', () => {
    const env = Object.fromEntries(
      [...appSettings.keys()].filter((k) => k in envSchema.shape).map((k) => [k, k === 'APP_MODE' ? 'production' : sampleFor(k)]),
    );
    const config = parseConfig(env);
    expect(config.mode).toBe('production');
    expect(config.storage.kind).toBe('account');
    expect(config.auth.mode).toBe('entra');
    expect(config.checkIns.timerSeconds).toBeGreaterThan(0);
    // And each setting the schema requires in production is needed: without it the start fails.
    const required = Object.keys(env).filter((k) => {
      const { [k]: _omitted, ...rest } = env;
      try {
        parseConfig(rest);
        return false;
      } catch {
        return true;
      }
    });
    expect(required).toEqual(
      expect.arrayContaining(['TABLES_ACCOUNT_URL', 'BOT_ID', 'PUBLIC_URL', 'AAD_CLIENT_ID', 'AAD_ALLOWED_TENANTS']),
    );
  });

  it('keeps secrets out of app settings: JOBS_SECRET is a Key Vault reference, there is no bot password or storage key', () => {
    expect(appSettings.get('JOBS_SECRET')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\.properties\.secretUri\}\)'$/);
    expect(appSettings.has('BOT_PASSWORD')).toBe(false);
    expect(appSettings.has('STORAGE_CONNECTION_STRING')).toBe(false);
    expect(bicep).not.toMatch(/listKeys|AccountKey=/);
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
    expect(bicep).toMatch(/keyVaultReferenceIdentity: identity\.id/);
  });

  it('runs the built server on Node 22 with what npm run start:prod uses', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toMatch(/^node (--\S+ )*dist\/server\/main\.js$/);
    expect(bicep).toContain(`appCommandLine: '${pkg.scripts['start:prod']}'`);
    expect(appSettings.has('NODE_OPTIONS')).toBe(false);
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
  });

  it('hardens the web app and wires the identity, bot, storage, monitoring', () => {
    for (const line of [
      'httpsOnly: true',
      "minTlsVersion: '1.2'",
      "ftpsState: 'Disabled'",
      'alwaysOn: true',
      "healthCheckPath: '/healthz'",
      'allowSharedKeyAccess: false',
      "var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'",
      "principalType: 'ServicePrincipal'",
      "msaAppType: 'UserAssignedMSI'",
      'msaAppMSIResourceId: identity.id',
      'msaAppTenantId: identity.properties.tenantId',
      "endpoint: 'https://${host}/api/messages'",
      "channelName: 'MsTeamsChannel'",
      'WorkspaceResourceId: logs.id',
      "{ name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }",
      "{ name: 'BOT_ID', value: identity.properties.clientId }",
      "{ name: 'TABLES_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }",
      "{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }",
    ])
      expect(bicep).toContain(line);
  });

  it('has a parameter for every value main.parameters.json passes', () => {
    const params = Object.keys((JSON.parse(read('infra/main.parameters.json')) as { parameters: object }).parameters);
    for (const name of params) expect(bicep).toMatch(new RegExp(`^param ${name} `, 'm'));
  });
});

describe('the SSO app and the dev package', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    identifierUris: string[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { value: string; id: string }[];
      preAuthorizedApplications: { appId: string }[];
    };
    appRoles: { value: string; allowedMemberTypes: string[] }[];
  };

  it('has the bot-bound identifier URI, access_as_user, v2 tokens, the Teams and Microsoft 365 clients, the ProgramManager role', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/botid-${{BOT_ID}}']);
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.api.oauth2PermissionScopes.map((s) => s.value)).toEqual(['access_as_user']);
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId)).toEqual(
      expect.arrayContaining([
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        '4765445b-32c6-49b0-83e6-1d93765276ca',
        '0ec893e0-5785-4de6-99da-4ed124e5296c',
        'd3590ed6-52b3-4102-aeff-aad2292ab01c',
        'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
        '27922004-5251-4030-b22d-91ecd9a37ea4',
      ]),
    );
    expect(aad.appRoles).toEqual([expect.objectContaining({ value: 'ProgramManager', allowedMemberTypes: ['User'] })]);
  });

  it('builds the dev package from what provisioning writes, and it passes the Teams schema', async () => {
    const provisioned = {
      TEAMS_APP_ID: '1a2b3c4d-0000-4000-8000-000000000001',
      AAD_APP_CLIENT_ID: '1a2b3c4d-0000-4000-8000-000000000002',
      BOT_ID: '1a2b3c4d-0000-4000-8000-000000000003',
      TAB_DOMAIN: 'mentoring-dev-abc.azurewebsites.net',
      TAB_ENDPOINT: 'https://mentoring-dev-abc.azurewebsites.net',
    };
    // Exactly the variables the manifest reads that .env.dev leaves to provisioning.
    const devValues = parseEnv(read('env/.env.dev')) as Record<string, string>;
    expect(
      placeholders(read('appPackage/manifest.json'))
        .filter((v) => !devValues[v])
        .sort(),
    ).toEqual(Object.keys(provisioned).sort());
    const outDir = mkdtempSync(join(tmpdir(), 'mentoring-dev-package-'));
    const { manifest } = await buildAppPackage({ env: 'dev', outDir, userFile: false, overrides: provisioned });
    const m = manifest as { webApplicationInfo: { id: string; resource: string }; validDomains: string[]; name: { short: string } };
    expect(m.webApplicationInfo).toEqual({
      id: provisioned.AAD_APP_CLIENT_ID,
      resource: aad.identifierUris[0]!.replace('${{TAB_DOMAIN}}', provisioned.TAB_DOMAIN).replace('${{BOT_ID}}', provisioned.BOT_ID),
    });
    expect(m.validDomains).toEqual([provisioned.TAB_DOMAIN]);
    expect(m.name.short).toBe('Mentoring (dev)');
  });

  it('keeps private values out of git', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '-q', path], { cwd: repoRoot });
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored('env/.env.dev.user')).toBe(true);
    expect(ignored('env/.env.local.user')).toBe(true);
    expect(ignored('env/.env.dev')).toBe(false);
    expect(read('env/.env.dev')).not.toMatch(/^SECRET_\w+=\S/m);
  });
});

describe('what production serves', () => {
  it('publishes no source maps with the tab (the server bundle keeps its maps outside dist/tab)', () => {
    expect(read('vite.config.ts')).toMatch(/sourcemap:\s*false/);
    expect(serverOutdir).toBe(join(repoRoot, 'dist', 'server'));
    expect(read('bot/server.ts')).toMatch(/'\.\.\/tab' : '\.\.\/dist\/tab'/);
  });
});

describe('the dev package before provisioning', () => {
  it('says which values provisioning has not written yet', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'mentoring-dev-package-'));
    await expect(buildAppPackage({ env: 'dev', outDir, userFile: false })).rejects.toThrow(
      /TEAMS_APP_ID, .*BOT_ID.* are empty in env\/\.env\.dev: run `atk provision --env dev` first/,
    );
  });
});
