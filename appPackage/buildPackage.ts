// Builds the Teams app package the way the Teams Toolkit does: fill the manifest's ${{NAME}}
// placeholders from env/.env.{env} (and env/.env.{env}.user when present, which wins), validate the
// result against Microsoft's schema offline, check the icons, and zip manifest + icons.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import AdmZip from 'adm-zip';
import { iconProblems } from './iconRules';
import { ICON_FILES } from './icons';
import { manifestSchemaErrors } from './manifestSchema';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const appPackageDir = join(repoRoot, 'appPackage');

export class PackageError extends Error {}

export interface BuildOptions {
  /** Picks env/.env.{env}; letters, digits and dashes. */
  env: string;
  /** Where the zip goes; appPackage/build by default. */
  outDir?: string;
  /** Read env/.env.{env}.user too (default true). */
  userFile?: boolean;
  /** Values that win over the files (a check of what provisioning will write). */
  overrides?: Record<string, string>;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function readEnvironment(env: string, userFile = true): Record<string, string> {
  if (!/^[a-z0-9-]+$/i.test(env)) throw new PackageError(`"${env}" is not an environment name (letters, digits and dashes).`);
  const file = join(repoRoot, 'env', `.env.${env}`);
  if (!existsSync(file)) throw new PackageError(`No env/.env.${env}: create it (see env/.env.local) or pick another --env.`);
  const values = { ...parseEnv(readFileSync(file, 'utf8')) };
  const user = `${file}.user`;
  if (userFile && existsSync(user)) Object.assign(values, parseEnv(readFileSync(user, 'utf8')));
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Replaces every ${{NAME}}; a variable may be empty but must be defined. Values are JSON-escaped. */
export function fillPlaceholders(template: string, values: Record<string, string>, env: string): string {
  const missing = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name) => !(name in values));
  if (missing.length > 0) {
    throw new PackageError(
      `appPackage/manifest.json needs ${missing.join(', ')}: define ${missing.length > 1 ? 'them' : 'it'} in env/.env.${env} or env/.env.${env}.user.`,
    );
  }
  return template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name]).slice(1, -1));
}

export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const values = { ...readEnvironment(options.env, options.userFile ?? true), ...options.overrides };
  const filled = fillPlaceholders(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'), values, options.env);
  const manifest = JSON.parse(filled) as Record<string, unknown>;

  const schemaErrors = await manifestSchemaErrors(manifest);
  if (schemaErrors.length > 0) {
    // Ids and the host are written by provisioning: empty ones are the likely cause.
    const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
    const empty = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name) => values[name] === '');
    const hint =
      empty.length > 0
        ? `${empty.join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty in env/.env.${options.env}: run \`atk provision --env ${options.env}\` first (it writes them), or set them in env/.env.${options.env}.user.\n`
        : '';
    throw new PackageError(`${hint}The manifest for "${options.env}" breaks the Teams schema:\n  ${schemaErrors.join('\n  ')}`);
  }

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [kind, file] of Object.entries(ICON_FILES) as [keyof typeof ICON_FILES, string][]) {
    const png = readFileSync(join(appPackageDir, file));
    const problems = iconProblems(kind, png);
    if (problems.length > 0) throw new PackageError(`appPackage/${file}: ${problems.join('; ')}. Run \`npx tsx appPackage/icons.ts\`.`);
    zip.addFile(file, png);
  }

  const outDir = options.outDir ?? join(appPackageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, manifest };
}
