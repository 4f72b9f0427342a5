// Structured logs: one JSON object a line. Never log tokens or the text people write.
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = Exclude<keyof typeof levels, 'silent'>;

/** Where written log lines also go (Application Insights, when bot/telemetry.ts is on). */
let forward: ((level: LogLevel, msg: string, fields: Record<string, unknown>) => void) | undefined;
export function forwardLogs(to: typeof forward): void {
  forward = to;
}

export function createLogger(level: keyof typeof levels, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const min = levels[level];
  const at =
    (lvl: Exclude<keyof typeof levels, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (levels[lvl] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
      forward?.(lvl, msg, fields);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
