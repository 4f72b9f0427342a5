// The bot's HTTP endpoint: a teams-ai Application on a TeamsAdapter (botbuilder's CloudAdapter).
// This folder is the only place that knows the Bot Framework SDK.
// From the package's own modules, not its index: the index also loads the AI planners, OpenAI's
// client and a tokenizer (some 16 MB resident) that this bot never uses.
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { TurnState } from '@microsoft/teams-ai';
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from 'botbuilder';
import type { RequestHandler, Response } from 'express';
import type { CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { CheckInService } from '../../shared/checkins/checkInService';
import type { PlanService } from '../../shared/plan/planService';
import type { RecognitionService } from '../../shared/recognition/recognitionService';
import type { ConversationRepository, PeopleRepository, PlanRepository } from '../../shared/repositories';
import type { AskForFeedback } from '../../shared/feedback/askForFeedback';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import type { SurveyService } from '../../shared/survey/surveyService';
import { en } from '../cards/strings';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import { isLoopbackHost, type AppConfig } from '../config';
import { systemNow } from '../jobs/clock';
import type { Logger } from '../log';
import type { Tables } from '../storage/tables';
import { registerCheckInActions } from './checkInActions';
import { registerRenewalSurveyActions } from './renewalSurveyActions';
import { registerFeedbackActions } from './feedbackActions';
import { registerFeedbackCommand } from './feedbackCommand';
import { cardLinksFor } from './deepLinks';
import { onTeamInstalled, registerDigestChannelActions, type DigestChannelDeps } from './digestChannel';
import { onMembersAdded } from './installation';
import { named, registerMessageRoutes } from './messages';
import { messageExtensionApology } from './invokeAnswers';
import { registerMessageExtensions } from './messageExtensions';
import { MessageTurnState, tableStateStorage } from './tableStateStorage';
import { activityTenant, tenantAllowed } from './tenantGuard';

export interface BotEndpointDeps {
  config: AppConfig;
  tables: Pick<Tables, 'botState'>;
  conversations: ConversationRepository;
  people: PeopleRepository;
  log: Logger;
  /** Clock for stored timestamps; defaults to the system clock. */
  now?: () => Date;
  /** Called after someone installs the app and their conversation is stored. */
  onInstalled?: (personId: string) => Promise<void>;
  /** Check-in answers, comments and the `check in` / `plan` commands; without them only `help`. */
  checkIns?: { service: CheckInService; scheduling: CheckInScheduling; plan: PlanService; messenger: ProactiveMessenger };
  /** 360 request cards (answers, per-user views) and the `ask for feedback` command. */
  feedback?: { service: FeedbackService; ask: AskForFeedback; plan: PlanService };
  /** The program survey answered on the renewal card. */
  surveys?: SurveyService;
  /** Wins and mentor feedback notes (the message extension records them through it). */
  recognition?: RecognitionService;
  /** The program channel of the weekly digest, chosen on a card when the app is added to a team. */
  digestChannel?: Pick<DigestChannelDeps, 'programs' | 'programNames' | 'channels'>;
  /** The message extension (with `recognition`): plans to pick from, and 360 requests to create. */
  messageExtensions?: { plan: PlanService; plans: Pick<PlanRepository, 'pairsOf'>; feedback: AskForFeedback; membersBudgetMs?: number };
}

export function createBotEndpoint(deps: BotEndpointDeps): { handler: RequestHandler } {
  const { config, log } = deps;
  const adapter = new EndpointAdapter(authenticationOptions(config));
  adapter.onTurnError = async (context, error) => {
    // Logged without the user's text; the user gets a plain apology, never the error itself.
    log.error('bot turn failed', { activityType: context.activity.type, error: error instanceof Error ? error.stack : String(error) });
    const apology = messageExtensionApology(context);
    if (apology) await context.sendActivity(apology);
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(en.replies.somethingWentWrong);
    } catch (sendError) {
      log.warn('could not tell the user about a failed turn', { error: String(sendError) });
    }
  };

  const app = new Application<TurnState>({
    adapter,
    botAppId: config.bot.appId,
    storage: tableStateStorage(deps.tables),
    turnStateFactory: () => new MessageTurnState(),
    removeRecipientMention: true,
  });
  const links = cardLinksFor(config);
  // One clock for every handler: what they store and show is dated by it.
  const now = deps.now ?? systemNow;
  const digestChannel = deps.digestChannel && { ...deps.digestChannel, people: deps.people, mode: config.mode, now, log };
  app.conversationUpdate(
    'membersAdded',
    onMembersAdded({
      conversations: deps.conversations,
      links,
      mode: config.mode,
      now,
      log,
      onInstalled: deps.onInstalled,
      onTeamInstalled: digestChannel && onTeamInstalled(digestChannel),
    }),
  );
  if (digestChannel) registerDigestChannelActions(app, digestChannel);
  const mode = config.mode;
  if (deps.feedback) {
    // Before the message routes: their catch-all would take `ask for feedback`.
    const { service, ask, plan } = deps.feedback;
    registerFeedbackActions(app, { feedback: service, mode, log });
    registerFeedbackCommand(app, named('ask for feedback'), {
      feedback: ask,
      plan,
      people: deps.people,
      mode,
      authMode: config.auth.mode,
      log,
      now,
    });
  }
  if (deps.surveys) registerRenewalSurveyActions(app, { surveys: deps.surveys, people: deps.people, links, mode, log, now });
  if (deps.checkIns) {
    const { service, scheduling, plan, messenger } = deps.checkIns;
    registerCheckInActions(app, {
      checkIns: service,
      people: deps.people,
      conversations: deps.conversations,
      messenger,
      links,
      mode,
      log,
      now,
    });
    registerMessageRoutes(app, links, now, {
      checkIns: service,
      scheduling,
      plan,
      people: deps.people,
      mode,
      authMode: config.auth.mode,
      now,
    });
  } else {
    registerMessageRoutes(app, links, now);
  }
  if (deps.messageExtensions && deps.recognition) {
    registerMessageExtensions(app, {
      ...deps.messageExtensions,
      recognition: deps.recognition,
      people: deps.people,
      links,
      publicUrl: config.publicUrl,
      mode,
      log,
      now,
    });
  }

  const allowedTenants = config.auth.mode === 'entra' ? new Set(config.auth.allowedTenants.map((t) => t.toLowerCase())) : undefined;
  const refuse = (res: Response, status: number, code: string, message: string) => {
    if (!res.headersSent) res.status(status).json({ error: { code, message } });
  };
  // adapter.process() would answer a refused token with the library's error text (even a DNS
  // failure's) as a 500 and print its stack for every request; this does the same work with our
  // own answers: 401 for the caller's fault, 503 when the signing keys cannot be fetched.
  const handler: RequestHandler = async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      log.warn('bot request rejected', { reason: 'not an activity' });
      return refuse(res, 400, 'invalid', 'The request body is not a Bot Framework activity.');
    }
    const activity = withDates(body as Activity);
    // Without a bot app id no token is checked: replies may then go back to this machine only (the
    // playground, the Teams test tool), never to whatever address an activity names.
    if (!config.bot.appId && !repliesStayLocal(activity.serviceUrl)) {
      log.warn('bot request refused: an unauthenticated activity names a remote serviceUrl', { activityType: activity.type });
      return refuse(res, 403, 'forbidden', 'Without BOT_ID this bot answers only activities whose serviceUrl is on this machine.');
    }
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    let answer: InvokeResponse | undefined;
    try {
      answer = await adapter.processRequest(authorization, activity, async (context) => {
        // Checked after the Bot Framework signature (inside the turn), so only a signed activity gets here.
        if (!tenantAllowed(context.activity, allowedTenants)) {
          log.warn('bot activity from a tenant that is not allowed', {
            activityType: context.activity.type,
            tenant: activityTenant(context.activity),
          });
          if (context.activity.type === 'invoke')
            await context.sendActivity({
              type: 'invokeResponse',
              value: { status: 403, body: { error: { code: 'forbidden', message: 'This organization does not use this app.' } } },
            });
          return;
        }
        await app.run(context);
      });
    } catch (error) {
      // Turn errors go to onTurnError; what is thrown here happened before the turn.
      const kind = refusalOf(error);
      const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error).slice(0, 200);
      if (kind === 'keys_unavailable') {
        log.warn('bot request refused: the token signing keys could not be fetched', { reason });
        res.set('Retry-After', '5');
        return refuse(res, 503, 'unavailable', 'The request could not be verified right now. Try again in a moment.');
      }
      if (kind === 'unauthenticated') {
        log.warn('bot request refused: the token is missing or not valid', { reason });
        return refuse(res, 401, 'unauthenticated', 'The request is not signed by the Bot Framework for this bot.');
      }
      log.warn('bot request rejected', { reason });
      return refuse(res, 400, 'invalid', 'The request body is not a Bot Framework activity.');
    }
    if (res.headersSent) return;
    res.status(answer?.status ?? 200);
    if (answer?.body !== undefined) res.json(answer.body);
    else res.end();
  };
  return { handler };
}

/**
 * Without a bot app id authentication is off: every request is accepted and replies carry no token.
 * That is for local runs with AUTH_MODE=development only; any other configuration refuses to start
 * without an app id, and this refuses again in case a configuration is built some other way.
 */
export function authenticationOptions(config: Pick<AppConfig, 'auth' | 'bot'>): ConfigurationBotFrameworkAuthenticationOptions {
  const { appId, appType, tenantId, password } = config.bot;
  if (!appId) {
    if (config.auth.mode !== 'development')
      throw new Error('BOT_ID is required with AUTH_MODE=entra: the bot accepts only Bot Framework-signed activities.');
    return {};
  }
  const { openIdMetadataUrl } = config.bot;
  return {
    MicrosoftAppId: appId,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId ?? '',
    // A managed identity has no secret; botbuilder refuses one being set.
    MicrosoftAppPassword: appType === 'UserAssignedMSI' ? '' : (password ?? ''),
    ...(openIdMetadataUrl ? publicCloudWithKeysFrom(openIdMetadataUrl) : {}),
  };
}

/**
 * botbuilder takes its public-cloud defaults only when no endpoint is set; once one is, every other
 * must be given too. These are the public cloud's (botframework-connector's AuthenticationConstants).
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

/** Why botbuilder refused a request before its turn: the token, the keys to check it, or the activity. */
function refusalOf(error: unknown): 'unauthenticated' | 'keys_unavailable' | 'invalid' {
  const e = error as { name?: string; statusCode?: number; code?: string; cause?: { code?: string }; type?: string } | null;
  const network = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'];
  if (e?.name === 'FetchError' || e?.type === 'system' || network.includes(e?.code ?? '') || network.includes(e?.cause?.code ?? ''))
    return 'keys_unavailable';
  // botbuilder's AuthenticationError carries a status: 401 for the token, 5xx for a key set it could not load.
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500 ? 'keys_unavailable' : 'unauthenticated';
  if (['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes(e?.name ?? '')) return 'unauthenticated';
  return 'invalid';
}

/** What botbuilder's own request handling does to an activity's dates before a turn. */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string);
    }
  }
  return a;
}

/** The adapter, with its request processing open to the endpoint so the endpoint answers refusals itself. */
class EndpointAdapter extends TeamsAdapter {
  processRequest(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

function repliesStayLocal(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  try {
    return isLoopbackHost(new URL(serviceUrl).hostname);
  } catch {
    return false;
  }
}
