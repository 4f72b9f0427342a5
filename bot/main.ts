// Entry point of the server (`npm start`, and `node dist/server/main.js` in Azure). Telemetry
// starts first, before any module it instruments (http, express, the Azure SDK) is loaded; the
// server comes in by a dynamic import so that order holds in the bundle too.
import { startTelemetry } from './telemetry';

await startTelemetry(process.env);
await import('./start');
