// The one clock of the bot side: jobs, senders and handlers read the time and wait through it, so a
// test can make hours pass in milliseconds. The server builds it once (bot/server.ts).

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The system clock read as a date: the form handlers and use cases take (`now: () => Date`). */
export const systemNow = (): Date => new Date();
