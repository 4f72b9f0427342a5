// The browser tests open the tab the server serves from dist/tab: build it once per run, so a test
// never runs against a stale build.
import { build } from 'vite';

export default async function setup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
}
