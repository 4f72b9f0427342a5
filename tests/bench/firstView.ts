// What a person's first view of the tab costs over the wire: the real server with the built tab, in
// Chromium, signing in through the development sign-in as the demo mentee Alex and waiting until
// the plan shows and the network is quiet. Counts the bytes of scripts and style sheets as
// transferred (compressed, headers included), from Chromium's own network events.
import { build } from 'vite';
import { demoPeople } from '../../bot/dev/demoData';
import { launchChromium, newPage } from '../support/browser';
import { startServerProcess } from './serverProcess';

export interface FirstViewResource {
  url: string;
  type: string;
  encoding: string;
  /** Bytes on the wire, headers included (CDP `encodedDataLength`). */
  transferred: number;
}

export interface FirstViewResult {
  /** JavaScript and CSS bytes on the wire, in KB (1 KB = 1024 bytes). */
  scriptAndStyleKb: number;
  resources: FirstViewResource[];
  goalKb: number;
  met: boolean;
}

const GOAL_KB = 180;
/** The network counts as quiet when nothing has been in flight for this long. */
const QUIET_MS = 500;

export async function benchFirstView(connectionString: string): Promise<FirstViewResult> {
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
  const server = await startServerProcess(connectionString);
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const seen = new Map<string, { url: string; type: string; encoding: string }>();
    const resources: FirstViewResource[] = [];
    const inFlight = new Set<string>();
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      inFlight.add(e.requestId);
      lastActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      seen.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers['content-encoding'] ?? 'identity' });
    });
    const done = (requestId: string, transferred: number) => {
      inFlight.delete(requestId);
      lastActivity = Date.now();
      const r = seen.get(requestId);
      if (r && (r.type === 'Script' || r.type === 'Stylesheet')) resources.push({ ...r, transferred });
    };
    cdp.on('Network.loadingFinished', (e) => done(e.requestId, e.encodedDataLength));
    cdp.on('Network.loadingFailed', (e) => done(e.requestId, 0));

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: demoPeople.menteeAlex.displayName }).click();
    await page.getByRole('heading', { name: 'My plan', level: 2 }).waitFor();
    const deadline = Date.now() + 30_000;
    while ((inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));

    const total = resources.reduce((sum, r) => sum + r.transferred, 0);
    const scriptAndStyleKb = Math.round((total / 1024) * 10) / 10;
    return { scriptAndStyleKb, resources, goalKb: GOAL_KB, met: scriptAndStyleKb <= GOAL_KB };
  } finally {
    await browser.close();
    await server.close();
  }
}
