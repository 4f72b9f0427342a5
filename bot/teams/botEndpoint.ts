// The bot's HTTP endpoint: a teams-ai Application on a TeamsAdapter (botbuilder's CloudAdapter).
// This folder is the only place that knows the Bot Framework SDK.
// From the package's own modules, not its index: the index also loads the AI planners, OpenAI's
// client and a tokenizer (some 16 MB resident) that this bot never uses.
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { TurnState } from '@microsoft/teams-ai';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { RequestHandler } from 'express';
import type { CheckInScheduling } from '../../shared/checkins/checkInScheduling';
import type { CheckInService } from '../../shared/checkins/checkInService';
import type { PlanService } from '../../shared/plan/planService';
import type { RecognitionService } from '../../shared/recognition/recognitionService';
import type { ConversationRepository, PeopleRepository, PlanRepository } from '../../shared/repositories';
import type { AskForFeedback } from '../../shared/feedback/askForFeedback';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import { en } from '../cards/strings';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { AppConfig } from '../config';
import { systemNow } from '../jobs/clock';
import type { Logger } from '../log';
import type { Tables } from '../storage/tables';
import { registerCheckInActions } from './checkInActions';
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
  /** Wins and mentor feedback notes (the message extension records them through it). */
  recognition?: RecognitionService;
  /** The program channel of the weekly digest, chosen on a card when the app is added to a team. */
  digestChannel?: Pick<DigestChannelDeps, 'programs' | 'programNames' | 'channels'>;
  /** The message extension (with `recognition`): plans to pick from, and 360 requests to create. */
  messageExtensions?: { plan: PlanService; plans: Pick<PlanRepository, 'pairsOf'>; feedback: AskForFeedback; membersBudgetMs?: number };
}

export function createBotEndpoint(deps: BotEndpointDeps): { handler: RequestHandler } {
  const { config, log } = deps;
  const adapter = new TeamsAdapter(authenticationOptions(config));
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
  const handler: RequestHandler = async (req, res) => {
    try {
      await adapter.process(req, res, async (context) => {
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
      // Turn errors go to onTurnError and a bad token is a 401 inside process(); what is thrown
      // here is an activity botbuilder refused before the turn (e.g. one without a type).
      log.warn('bot request rejected', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent)
        res.status(400).json({ error: { code: 'invalid', message: 'The request body is not a Bot Framework activity.' } });
    }
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
  return {
    MicrosoftAppId: appId,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId ?? '',
    // A managed identity has no secret; botbuilder refuses one being set.
    MicrosoftAppPassword: appType === 'UserAssignedMSI' ? '' : (password ?? ''),
  };
}
