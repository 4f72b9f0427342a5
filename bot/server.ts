// The composition root: builds clients, repositories and services from the parsed configuration
// and wires the one HTTP server (bot, API, tab). Nothing else constructs infrastructure.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Mentorship } from '../shared/mentorship';
import { createCheckInScheduling } from '../shared/checkins/checkInScheduling';
import { createCheckInService } from '../shared/checkins/checkInService';
import { createPlanService } from '../shared/plan/planService';
import { createProgramService } from '../shared/program/programService';
import { createAskForFeedback } from '../shared/feedback/askForFeedback';
import { createFeedbackService } from '../shared/feedback/feedbackService';
import { createFeedbackInbox } from '../shared/feedback/feedbackInbox';
import { createPeopleSearch } from '../shared/feedback/peopleSearch';
import { createRecognitionService } from '../shared/recognition/recognitionService';
import type { AppConfig } from './config';
import { devRoutes } from './api/devRoutes';
import { errorHandler, notFoundApi } from './api/http';
import { jobRoutes } from './api/jobRoutes';
import { entraIdentity } from './api/entraIdentity';
import { developmentIdentity } from './api/identity';
import { checkInRoutes } from './api/checkInRoutes';
import { feedbackRoutes } from './api/feedbackRoutes';
import { feedbackInboxRoutes } from './api/feedbackInboxRoutes';
import { createFeedbackDelivery, type FeedbackDeliveryDeps } from './feedback/feedbackDelivery';
import { createFeedbackJobs } from './feedback/feedbackJobs';
import { feedbackTable } from './storage/feedbackTable';
import { feedbackAskedTable } from './storage/feedbackAskedTable';
import { openFeedbackTable } from './storage/openFeedbackTable';
import { winRoutes } from './api/winRoutes';
import { journalRoutes } from './api/journalRoutes';
import { createJournalService } from '../shared/journal/journalService';
import { planRoutes } from './api/planRoutes';
import { programRoutes } from './api/programRoutes';
import { requestLog } from './api/requestLog';
import { noStore, securityHeaders } from './api/security';
import { hostGuard } from './api/hostGuard';
import { tabAssets } from './api/tabAssets';
import { writeRateLimit } from './api/writeRateLimit';
import type { ProactiveMessenger } from './checkins/proactiveMessenger';
import { createCheckInSender, type CheckInSenderDeps } from './checkins/sender';
import { createLogger, type Logger } from './log';
import { checkInDueTable } from './storage/checkInDueTable';
import { checkInScheduleTable } from './storage/checkInScheduleTable';
import { checkInTable } from './storage/checkInTable';
import { conversationTable } from './storage/conversationTable';
import { peopleTable } from './storage/peopleTable';
import { planTable } from './storage/planTable';
import { listEveryProgram, listProgramNames, programTable } from './storage/programTable';
import { priorityUsage } from './storage/priorityUsage';
import { programPairIndexFiledOnce } from './storage/programPairIndex';
import { digestIndexTable, digestWeekTable, programChannelTable } from './storage/digestTable';
import { createDigestJob } from './recognition/digestJob';
import { cardLinksFor } from './teams/deepLinks';
import { journalTable } from './storage/journalTable';
import { winTable } from './storage/winTable';
import { cachedPairIndex, cachedPeople, cachedPrograms } from './storage/readCache';
import { ensureTables, missingTables, openTables, tableRecreator, type StorageConnection } from './storage/tables';
import { createBotEndpoint } from './teams/botEndpoint';
import { teamsProactiveMessenger } from './teams/proactive';
import { systemNow } from './jobs/clock';
import { createCheckpointService } from '../shared/checkpoints/checkpointService';
import { checkpointRoutes } from './api/checkpointRoutes';
import { renewalRoutes } from './api/renewalRoutes';
import { createRenewalService } from '../shared/renewal/renewalService';
import { renewalNoticeTable, renewalTable } from './storage/renewalTable';
import { renewalCardFiling } from './renewal/renewalCardFiling';
import { createRenewalNotices, programPairs, type RenewalNoticeDeps } from './renewal/renewalNotices';
import { createProgramRequestService } from '../shared/matching/programRequests';
import { programRequestRoutes } from './api/programRequestRoutes';
import { programRequestTable } from './storage/programRequestTable';
import { createCheckpointReminders, type CheckpointReminderDeps } from './checkpoints/reminderSender';
import { checkpointSignedOffNotice } from './checkpoints/signedOffNotice';
import { checkpointReminderTable, checkpointTable } from './storage/checkpointTable';
import { createRetentionJob } from './jobs/retentionJob';
import { createDataRights } from './privacy/dataRights';
import { dataRightsRoutes } from './api/dataRightsRoutes';
import { createMatchingService } from '../shared/matching/matchingService';
import { createEnrolmentService } from '../shared/program/enrolmentService';
import { appShareLink } from '../shared/program/enrolment';
import { enrolmentTable } from './storage/enrolmentTable';
import { mentorPlacesTable } from './storage/mentorPlacesTable';
import { enrolmentRoutes } from './api/enrolmentRoutes';
import { matchingRoutes } from './api/matchingRoutes';
import { pairWelcome } from './matching/pairWelcome';
import { createSurveyService } from '../shared/survey/surveyService';
import { surveyRoutes } from './api/surveyRoutes';
import { surveyTable } from './storage/surveyTable';
import { createHealthService } from '../shared/health/healthService';
import { healthWrites, refreshingAfter } from '../shared/health/refreshOnWrite';
import { healthRoutes } from './api/healthRoutes';
import { createHealthRecheckJob } from './jobs/healthRecheckJob';
import { pairHealthSource, programHealthTable } from './storage/programHealthTable';

// Beside the sources (bot/ -> dist/tab) or beside a built server (dist/server/ or the bench's dist/server-bench/ -> dist/tab).
const tabDir = fileURLToPath(new URL(/\/dist\/server[a-z-]*\/[^/]+$/.test(import.meta.url) ? '../tab' : '../dist/tab', import.meta.url));

export interface AppDeps {
  now?: () => Date;
  log?: Logger;
  /**
   * How a program health refresh waits after the write that asked for it. Tests that compare every
   * table around a request refresh at once, so no refresh of an earlier write lands in between.
   */
  healthRefreshWait?: () => Promise<void>;
  /** How soon an unknown token key id may refetch Entra's keys (tests shorten it to see rotation). */
  jwksCooldownMs?: number;
  /** Where check-ins go; defaults to Teams through the Bot Framework (tests record them instead). */
  messenger?: ProactiveMessenger;
  /** Clock, randomness and options of the check-in sender (tests make time pass without waiting). */
  checkInSender?: Pick<CheckInSenderDeps, 'clock' | 'random' | 'instanceId' | 'options'>;
  /** Clock, randomness and options of 360 request delivery (tests make retries instant). */
  feedbackDelivery?: Pick<FeedbackDeliveryDeps, 'clock' | 'random' | 'options'>;
  /** Clock, randomness and options of the checkpoint reminders. */
  checkpointReminders?: Pick<CheckpointReminderDeps, 'clock' | 'random' | 'instanceId' | 'options'>;
  /** Clock, randomness and options of the renewal cards. */
  renewalNotices?: Pick<RenewalNoticeDeps, 'clock' | 'random' | 'instanceId' | 'options'>;
}

export async function createApp(config: AppConfig, connection: StorageConnection, deps: AppDeps = {}) {
  const log = deps.log ?? createLogger(config.logLevel);
  const now = deps.now ?? systemNow;
  const tables = openTables(connection);
  await ensureTables(tables);

  const people = cachedPeople(peopleTable(tables));
  const programs = cachedPrograms(programTable(tables));
  // Program health follows every write that changes a pair: the repositories below refresh it.
  const health = createHealthService({
    programs,
    source: pairHealthSource(tables),
    health: programHealthTable(tables),
    surveyResults: (actor, programId) => surveys.results(actor, programId),
    now,
    ...(deps.healthRefreshWait ? { refreshWait: deps.healthRefreshWait } : {}),
    onRefreshError: (error, pairId) =>
      log.warn('could not refresh the program health of a pair; the daily recheck or a rebuild repairs it', {
        pairId,
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  const refreshing = <R extends object>(repo: R, writes: Parameters<typeof refreshingAfter<R>>[1]) => refreshingAfter(repo, writes, health);
  const plans = refreshing(cachedPairIndex(planTable(tables)), healthWrites.plans);
  const conversations = conversationTable(tables);
  const checkIns = refreshing(checkInTable(tables), healthWrites.checkIns);
  const messenger = deps.messenger ?? teamsProactiveMessenger(config, { now: () => now().getTime() });
  const checkInsDue = checkInDueTable(tables);
  const checkInSchedules = checkInScheduleTable(tables, checkInsDue);
  const checkInScheduling = createCheckInScheduling({ plans, schedules: checkInSchedules, now });
  const checkInSender = createCheckInSender({
    due: checkInsDue,
    schedules: checkInSchedules,
    scheduling: checkInScheduling,
    plans,
    programs,
    conversations,
    checkIns,
    messenger,
    log,
    ...deps.checkInSender,
    options: { tenantPerSecond: config.checkIns.sendsPerSecond, ...deps.checkInSender?.options },
  });
  const checkpointRows = refreshing(checkpointTable(tables), healthWrites.checkpoints);
  const checkpointReminders = createCheckpointReminders({
    // The check-in due index's code, on the checkpoint reminders' own table.
    due: checkInDueTable({ checkInsDue: tables.checkpointsDue }),
    plans,
    programs,
    checkpoints: checkpointRows,
    reminders: checkpointReminderTable(tables),
    conversations,
    messenger,
    links: cardLinksFor(config),
    log,
    ...deps.checkpointReminders,
    options: { tenantPerSecond: config.checkIns.sendsPerSecond, ...deps.checkpointReminders?.options },
  });
  const surveyRows = surveyTable(tables);
  const renewalNotices = createRenewalNotices({
    // The check-in due index's code, on the renewal cards' own table.
    due: checkInDueTable({ checkInsDue: tables.renewalsDue }),
    plans,
    programs,
    notices: renewalNoticeTable(tables),
    surveys: surveyRows,
    conversations,
    messenger,
    links: cardLinksFor(config),
    log,
    ...deps.renewalNotices,
    options: { tenantPerSecond: config.checkIns.sendsPerSecond, ...deps.renewalNotices?.options },
  });
  /** Files a pair's renewal cards; a failure is logged, never the change's: the next change files them again. */
  const scheduleRenewalNotices = async (m: Mentorship) => {
    try {
      await renewalNotices.schedule(m);
    } catch (error) {
      log.warn('could not plan the renewal cards', { pairId: m.id, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const plan = createPlanService({
    plans,
    people,
    programs,
    now,
    newId: randomUUID,
    onMentorshipChanged: async (m) => {
      const scheduled = await checkInScheduling.scheduleNext(m);
      try {
        await checkpointReminders.schedule(m);
      } catch (error) {
        log.warn('could not plan the checkpoint reminders', {
          pairId: m.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await scheduleRenewalNotices(m);
      return scheduled;
    },
  });
  const checkInService = createCheckInService({ plans, programs, checkIns, now, newId: randomUUID });
  const renewalFiling = renewalCardFiling({
    tables,
    everyProgram: () => listEveryProgram(tables),
    pairsOfProgram: programPairs(plans),
    schedule: scheduleRenewalNotices,
    log,
    now,
    ...(deps.renewalNotices?.instanceId ? { instanceId: deps.renewalNotices.instanceId } : {}),
  });
  /** The renewal job: the day's catch-up of cycles never filed, then the cards due. */
  const renewalJob = {
    run: async () => {
      const catchUp = await renewalFiling.catchUp();
      return { ...(await renewalNotices.run()), catchUp };
    },
  };
  const programService = createProgramService({
    programs,
    priorityUsage: priorityUsage(tables, plans),
    onCycleEndChanged: (program) => renewalFiling.cycleEndChanged(program),
  });
  const openFeedback = openFeedbackTable(tables);
  const feedbackAsked = feedbackAskedTable(tables);
  const feedbackRequests = refreshing(feedbackTable(tables, openFeedback, feedbackAsked), healthWrites.feedback);
  const feedback = createFeedbackService({ plans, programs, feedback: feedbackRequests, now, newId: randomUUID });
  const feedbackInbox = createFeedbackInbox({ asked: feedbackAsked, feedback });
  const feedbackDelivery = createFeedbackDelivery({ conversations, messenger, log, ...deps.feedbackDelivery });
  const askForFeedback = createAskForFeedback({ requests: feedback, delivery: feedbackDelivery });
  const feedbackJobs = createFeedbackJobs({
    index: openFeedback,
    feedback: feedbackRequests,
    service: feedback,
    delivery: feedbackDelivery,
    log,
    now,
  });
  const wins = winTable(tables);
  const programChannels = programChannelTable(tables);
  const digestIndex = digestIndexTable(tables);
  const journal = journalTable(tables);
  const recognition = createRecognitionService({ plans, wins, journal, digest: digestIndex, now, newId: randomUUID });
  const journalService = createJournalService({ plans, programs, journal, checkpoints: checkpointRows, now, newId: randomUUID });
  const signedOffNotice = checkpointSignedOffNotice({ conversations, messenger, links: cardLinksFor(config), log });
  const checkpoints = createCheckpointService({
    plans,
    programs,
    checkpoints: checkpointRows,
    feedback: feedbackRequests,
    recognition,
    now,
    onSignedOff: async (event) => {
      await signedOffNotice(event);
      try {
        await checkpointReminders.schedule(event.record.mentorship.value);
      } catch (error) {
        log.warn('could not plan the next checkpoint reminders', { error: error instanceof Error ? error.message : String(error) });
      }
    },
  });
  const renewal = createRenewalService({
    plans,
    programs,
    renewals: renewalTable(tables),
    now,
    newId: randomUUID,
    // A closed pair gets no further check-ins.
    onMentorshipChanged: async (m) => {
      try {
        await checkInScheduling.scheduleNext(m);
      } catch (error) {
        log.warn('could not stop the check-ins of a closed pair', {
          pairId: m.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  });
  const digestJob = createDigestJob({
    channels: programChannels,
    programs,
    index: digestIndex,
    weeks: digestWeekTable(tables),
    wins,
    plans,
    messenger,
    log,
    now,
    links: cardLinksFor(config),
  });
  const enrolments = enrolmentTable(tables);
  const enrolment = createEnrolmentService({
    programs,
    enrolments,
    people,
    plans,
    conversations,
    shareLink: appShareLink(config.teamsAppId),
    now,
  });
  const matching = createMatchingService({
    people,
    programs,
    plans,
    enrolments,
    places: mentorPlacesTable(tables),
    now,
    newId: randomUUID,
    onPairCreated: pairWelcome({ conversations, messenger, links: cardLinksFor(config), log }),
  });
  const programRequests = createProgramRequestService({ plans, programs, requests: programRequestTable(tables), now });
  const surveys = createSurveyService({ programs, plans, surveys: surveyRows, now });
  const retentionJob = createRetentionJob({ tables, programs, health, log, now });
  const healthRecheck = createHealthRecheckJob({ tables, health, log, now });
  const dataRights = createDataRights({
    tables,
    conversations,
    messenger,
    log,
    now,
    newId: randomUUID,
    onErased: (personId) => {
      people.forget(personId);
      plans.forget(personId);
    },
    // An ended pair counts as ended in its program's health.
    onPairsEnded: async (pairIds) => {
      for (const pairId of pairIds) await health.touch(pairId);
    },
  });
  const onInstalled = async (personId: string) => {
    try {
      await checkInScheduling.reachableAgain(personId);
    } catch (error) {
      log.warn('could not resume check-ins after an install', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const bot = createBotEndpoint({
    config,
    tables,
    conversations,
    people,
    log,
    now,
    onInstalled,
    checkIns: { service: checkInService, scheduling: checkInScheduling, plan, messenger },
    feedback: { service: feedback, ask: askForFeedback, plan },
    recognition,
    surveys,
    digestChannel: { programs, programNames: (tenantId) => listProgramNames(tables, tenantId), channels: programChannels },
    messageExtensions: { plan, plans, feedback: askForFeedback },
  });

  const app = express();
  app.disable('x-powered-by');
  // Entities carry their own ETags; hashing every JSON body for an HTTP ETag is wasted work.
  app.set('etag', false);
  app.set('trust proxy', 1);
  // First, so every response (tab, API, health, bot endpoint, errors) is logged and carries the headers.
  app.use(requestLog(log));
  app.use(securityHeaders({ https: config.publicUrl.startsWith('https://') }));
  app.use(hostGuard(config.publicUrl));
  // Every API answer is about someone (plans, people, cards): never kept by a browser or proxy.
  app.use('/api', noStore);

  const recreateTables = tableRecreator(tables);
  // Healthy means every table answers; a missing table is recreated here, so health reports the
  // state the API will actually serve from.
  app.get('/healthz', async (_req, res) => {
    try {
      const missing = await missingTables(tables);
      if (missing.length > 0) {
        log.warn('tables missing; recreating them', { tables: missing });
        await recreateTables();
        if ((await missingTables(tables)).length > 0) return res.status(503).json({ status: 'unavailable', storage: 'tables missing' });
      }
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', storage: 'not answering' });
    }
  });

  app.post('/api/messages', express.json({ limit: '256kb' }), bot.handler);
  // Outside the user API's authentication: a scheduler's shared secret, not a Teams token.
  app.use(
    jobRoutes(config.checkIns.jobsSecret, {
      checkIns: checkInSender,
      feedback: feedbackJobs,
      digest: digestJob,
      checkpoints: checkpointReminders,
      renewals: renewalJob,
      retention: retentionJob,
      health: healthRecheck,
    }),
  );

  // Routers carry full paths from shared/api.ts; path-scoped middleware applies to /api only.
  const api = express.Router();
  api.use('/api', express.json({ limit: '100kb' }));
  if (config.auth.mode === 'development') {
    api.use(devRoutes(people));
    api.use('/api', developmentIdentity(people));
  } else {
    api.use('/api', entraIdentity(config.auth, people, log, now, { jwksCooldownMs: deps.jwksCooldownMs }));
  }
  api.use('/api', writeRateLimit(config.rateLimit.writesPerMinute));
  api.use(planRoutes(plan, config.auth.mode));
  api.use(programRoutes(programService));
  api.use(checkInRoutes(checkInService));
  api.use(feedbackRoutes({ feedback, asking: askForFeedback, people: createPeopleSearch({ people }) }));
  api.use(feedbackInboxRoutes(feedbackInbox));
  api.use(winRoutes(recognition));
  api.use(checkpointRoutes(checkpoints));
  api.use(dataRightsRoutes(dataRights));
  api.use(journalRoutes(journalService));
  api.use(matchingRoutes(matching));
  api.use(enrolmentRoutes(enrolment));
  api.use(surveyRoutes(surveys));
  api.use(healthRoutes(health));
  api.use(renewalRoutes(renewal));
  api.use(programRequestRoutes(programRequests));
  api.use('/api', notFoundApi);
  app.use(api);

  app.use(tabAssets(tabDir));
  app.use(errorHandler(log, recreateTables));

  return {
    app,
    repositories: {
      people,
      programs,
      plans,
      conversations,
      checkInSchedules,
      wins,
      digest: digestIndex,
      checkpoints: checkpointRows,
      journal,
      enrolments,
    },
    checkIns: { scheduling: checkInScheduling, sender: checkInSender },
    checkpoints: { service: checkpoints, reminders: checkpointReminders, rows: checkpointRows },
    renewalNotices: {
      run: renewalJob.run,
      /** Filing programs' renewal cards: the day's catch-up, and `settled()` for the filings in the background. */
      filing: renewalFiling,
    },
    /** Files the program index row of every pair stored before the index existed: once per deployment. */
    programPairIndex: { fileOnce: programPairIndexFiledOnce({ tables, now }) },
    digest: digestJob,
    retention: retentionJob,
    health: { service: health, recheck: healthRecheck },
    /** Resolves once the background work that requests started (health refreshes, renewal card filing) is done. */
    settled: async (): Promise<void> => {
      await Promise.all([health.settled(), renewalFiling.settled()]);
    },
    feedback: { service: feedback, jobs: feedbackJobs, delivery: feedbackDelivery },
    tables,
    log,
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
