// `npm run package [-- --env NAME]`: builds appPackage/build/appPackage.{NAME}.zip (default: local).
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, PackageError, repoRoot } from './buildPackage';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' } } });

buildAppPackage({ env: values.env ?? 'local' })
  .then(({ zipPath }) => console.log(`Teams app package: ${relative(repoRoot, zipPath)}`))
  .catch((e: unknown) => {
    console.error(e instanceof PackageError ? e.message : e);
    process.exit(1);
  });
