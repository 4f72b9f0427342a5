// Application Insights through OpenTelemetry (@azure/monitor-opentelemetry), on when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set: incoming requests, outgoing dependencies (Table
// Storage, the Bot Framework, Entra's keys), failures, and the app's own log lines.
//
// No personal data and no plan text leave the server this way: HTTP bodies are never recorded,
// query strings are cut from every URL, and attributes that could carry a name, an address, a
// person's words or a client's IP are dropped from spans and log records before export.
// bot/main.ts starts this before the server's modules load, so http and the Azure SDK are patched.
import { forwardLogs, type LogLevel } from './log';

type Attributes = Record<string, unknown>;

/** Keys whose values may be personal or free text. Technical `*.name` keys are allowed below. */
const PERSONAL_KEY =
  /(^|[._])(name|displayname|givenname|surname|fullname|email|mail|upn|userprincipalname|text|title|body|comment|note|notes|description|content|question|answer|query|searchtext)$|body|(^|\.)(enduser|user|user_agent)\.|client_ip|client\.address|peer\.ip|sock\.peer_addr|sock\.peer\.addr|network\.peer\.address/i;
/** The same in camelCase field names (`goalTitle`, `mentorName`). */
const PERSONAL_CAMEL_KEY = /[a-z0-9](Name|Title|Text|Email|Mail|Upn|Body|Comment|Note|Notes|Description|Content|Question|Answer|Query)$/;
const TECHNICAL_NAME =
  /^(db|service|host|net\.(peer|host)|server|http\.server|messaging\.destination|rpc\.service|az|telemetry\.sdk|process|os|cloud|code\.function|exception)(\.|$)/i;
const URL_KEY = /^(http\.url|url\.full|http\.target|url\.original|url\.path)$/i;

const withoutQuery = (url: string): string => url.replace(/[?#].*$/s, '');

/** The attributes with personal keys removed and query strings cut; a new object. */
export function scrubAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'url.query') continue;
    if ((PERSONAL_KEY.test(key) || PERSONAL_CAMEL_KEY.test(key)) && !TECHNICAL_NAME.test(key)) continue;
    out[key] = URL_KEY.test(key) && typeof value === 'string' ? withoutQuery(value) : value;
  }
  return out;
}

/** Replaces an object's own properties in place (exporters read the span's own object later). */
function scrubInPlace(target: Attributes): void {
  const clean = scrubAttributes(target);
  for (const key of Object.keys(target)) if (!(key in clean)) delete target[key];
  Object.assign(target, clean);
}

interface SpanLike {
  name: string;
  attributes: Attributes;
  events?: { attributes?: Attributes }[];
}

/** A span processor (the SDK's interface, typed loosely to stay independent of its version). */
export const privacySpanProcessor = {
  onStart: () => undefined,
  onEnd(span: SpanLike): void {
    scrubInPlace(span.attributes);
    for (const event of span.events ?? []) if (event.attributes) scrubInPlace(event.attributes);
    // A span is named from the route or method; a name that still carries a URL loses its query.
    if (/[?#]/.test(span.name)) (span as { name: string }).name = withoutQuery(span.name);
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

interface LogRecordLike {
  attributes: Attributes;
  setAttributes?: (attributes: Attributes) => unknown;
}

/** A log record processor: the same rules for the attributes of every log record. */
export const privacyLogProcessor = {
  onEmit(record: LogRecordLike): void {
    scrubInPlace(record.attributes);
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** Requests that are noise in Application Insights: the platform's health probe and static files. */
export const ignoredRequestPath = (url: string | undefined): boolean =>
  /^\/(healthz|assets\/|favicon|privacy\.html|terms\.html)/.test(url ?? '') || url === '/';

const severity: Record<LogLevel, number> = { debug: 5, info: 9, warn: 13, error: 17 };

/** Starts export when APPLICATIONINSIGHTS_CONNECTION_STRING is set; returns whether it did. */
export async function startTelemetry(env: Record<string, string | undefined>): Promise<boolean> {
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return false;
  const [{ useAzureMonitor }, apiLogs] = await Promise.all([import('@azure/monitor-opentelemetry'), import('@opentelemetry/api-logs')]);
  // A CommonJS package: bundled, its exports may sit under `default`.
  const { logs } = 'logs' in apiLogs ? apiLogs : (apiLogs as { default: typeof apiLogs }).default;
  type Options = NonNullable<Parameters<typeof useAzureMonitor>[0]>;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Every request and dependency is kept (the exporter's default keeps five traces a second): a
    // mentoring program's traffic is small, and a failure sampled away cannot be looked into.
    samplingRatio: 1,
    tracesPerSecond: 0,
    // Live Metrics streams sample requests outside these processors: off.
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: {
        enabled: true,
        ignoreIncomingRequestHook: (request: { url?: string }) => ignoredRequestPath(request.url),
      } as NonNullable<Options['instrumentationOptions']>['http'],
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
    spanProcessors: [privacySpanProcessor as unknown as NonNullable<Options['spanProcessors']>[number]],
    logRecordProcessors: [privacyLogProcessor as unknown as NonNullable<Options['logRecordProcessors']>[number]],
  });
  const logger = logs.getLogger('mentoring');
  forwardLogs((level, msg, fields) =>
    logger.emit({ severityNumber: severity[level], severityText: level.toUpperCase(), body: msg, attributes: plain(fields) }),
  );
  return true;
}

/** Log fields as OpenTelemetry attribute values: primitives kept, anything else as JSON text. */
function plain(fields: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return out;
}
