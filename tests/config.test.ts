import { describe, expect, it } from 'vitest';
import { parseConfig } from '../bot/config';

describe('configuration', () => {
  it('runs on the embedded default with nothing set', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ mode: 'development', port: 3978, storage: { kind: 'embedded', dataDir: '.data' }, seedDemo: true, publicUrl: 'http://localhost:3978' });
  });

  it('uses a configured storage connection and port', () => {
    const c = parseConfig({ PORT: '8080', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', SEED_DEMO: 'false' });
    expect(c).toMatchObject({ port: 8080, storage: { kind: 'connection' }, seedDemo: false, publicUrl: 'http://localhost:8080' });
  });

  it('stops with a message naming the variable and the problem', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT: Expected number/);
    expect(() => parseConfig({ APP_MODE: 'staging' })).toThrow(/APP_MODE: Invalid enum value.*'development' \| 'production'/);
    expect(() => parseConfig({ BOT_ID: 'not-a-guid' })).toThrow(/BOT_ID: Invalid uuid/);
  });

  it('refuses to start in production without real storage and a bot identity', () => {
    expect(() => parseConfig({ APP_MODE: 'production' })).toThrow(/STORAGE_CONNECTION_STRING[\s\S]*BOT_ID[\s\S]*PUBLIC_URL/);
  });
});
