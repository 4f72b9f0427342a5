// The server's start, loaded by bot/main.ts once telemetry is on: parse configuration, open
// storage (the embedded Azurite unless an account URL or a connection string is configured), seed
// the demo program on first start, file what older data lacks (once per deployment), listen.
import type { Server } from 'node:http';
import { ConfigError, parseConfig } from './config';
import { openEmbeddedStorage } from './dev/embeddedStorage';
import { seedDemoIfEmpty } from './dev/seedDemo';
import { startJobTimer } from './jobs/jobTimer';
import { createApp } from './server';
import { storageConnection } from './storage/connect';
import { checkInTable } from './storage/checkInTable';
import { programRequestTable } from './storage/programRequestTable';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const embedded = config.storage.kind === 'embedded' ? await openEmbeddedStorage(config.storage.dataDir) : undefined;
  const { app, repositories, checkIns, feedback, digest, checkpoints, renewalNotices, programPairIndex, retention, health, log, tables } =
    await createApp(config, storageConnection(config.storage, config.tablePrefix, embedded?.connectionString));
  const demoTargets = {
    ...repositories,
    scheduleCheckpointReminders: checkpoints.reminders.schedule,
    rebuildHealth: health.service.rebuildProgram,
    cohort: { checkIns: checkInTable(tables), requests: programRequestTable(tables) },
  };
  if (config.seedDemo && (await seedDemoIfEmpty(demoTargets, new Date()))) log.info('seeded the demo program');
  // Pairs stored before programs indexed their pairs get their index rows, once per deployment; in
  // the background: until it is done, a program's pairs are found by reading every pair.
  void programPairIndex.fileOnce().catch((error: unknown) => {
    log.warn('could not index the pairs of each program at start', { error: error instanceof Error ? error.message : String(error) });
  });
  // Programs whose current cycle's renewal cards were never filed (pairs stored before cards were
  // filed on creation, a filing an instance left midway) get them: the day's catch-up, in the
  // background, so the start does not wait.
  void renewalNotices.filing.catchUp().catch((error: unknown) => {
    log.warn('could not file the renewal cards at start', { error: error instanceof Error ? error.message : String(error) });
  });

  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands a listen error to this callback rather than emitting it.
    const s = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === 'EADDRINUSE')
        throw new Error(`Port ${config.port} is in use (is the app already running?). Stop it or set PORT.`);
      throw e;
    })
    .catch(async (e: unknown) => {
      await embedded?.close();
      throw e;
    });
  // One cadence for every job: check-ins due, 360 requests to close or remind once, and whether a
  // program's weekly digest of shared wins is due. In Azure the same timer runs (CHECKIN_TIMER_SECONDS
  // with alwaysOn); an external scheduler may POST /api/jobs/{checkins,feedback,digest,checkpoints,renewals,retention,health} instead.
  const seconds = config.checkIns.timerSeconds;
  const stopJobs = [
    startJobTimer('check-in', () => checkIns.sender.run(), seconds, log),
    startJobTimer('feedback', () => feedback.jobs.run(), seconds, log),
    startJobTimer('weekly digest', () => digest.run(), seconds, log),
    startJobTimer('checkpoint reminder', () => checkpoints.reminders.run(), seconds, log),
    startJobTimer('renewal card', () => renewalNotices.run(), seconds, log),
    // The retention purge claims one run a day; the other ticks of the day only read that claim.
    startJobTimer('retention', () => retention.run(), seconds, log),
    // Likewise the daily recheck of the pairs whose at-risk state time alone may change.
    startJobTimer('program health', () => health.recheck.run(), seconds, log),
  ];
  if (config.exposedDevelopment) {
    log.warn('development sign-in listening beyond this machine', { host: config.host });
    console.warn(
      `\n  WARNING: HOST=${config.host} with the development sign-in: anyone who reaches this port can read every\n  person's plan and act as anyone. Use it only on a network you trust, or unset HOST to listen on loopback.\n`,
    );
  }
  const port = (server.address() as { port: number }).port;
  const base = `http://localhost:${port}`;
  console.log(
    [
      '',
      `  Mentoring for Microsoft Teams is running (${config.mode}, sign-in: ${config.auth.mode === 'entra' ? 'Teams SSO' : 'development identity'})`,
      `  Tab:            ${base}/`,
      `  Bot endpoint:   ${base}/api/messages`,
      `  Health:         ${base}/healthz`,
      `  Check-ins:      ${config.checkIns.timerSeconds > 0 ? `due ones sent every ${config.checkIns.timerSeconds} s` : `timer off; POST ${base}/api/jobs/checkins runs the sender`}`,
      `  Table Storage:  ${embedded ? `embedded Azurite on 127.0.0.1:${embedded.port}, data in ${config.storage.kind === 'embedded' ? config.storage.dataDir : ''}/azurite` : config.storage.kind === 'account' ? `${config.storage.accountUrl} (Microsoft Entra sign-in)` : 'configured connection'}`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const stop of stopJobs) stop();
    server.close();
    server.closeAllConnections();
    await embedded?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `Could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
