// Security headers on every response (tab, API, health, bot endpoint), set by helmet. The whole
// Content-Security-Policy is spelled out here so a reviewer sees everything the tab may load.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The hosts allowed to frame the tab: Microsoft's documented list for Teams and Microsoft 365 tabs
 * (learn.microsoft.com, "Prerequisites" for tabs), plus the US government clouds. A CSP wildcard
 * matches any depth of subdomain, so `*.office.com` also covers local.teams.office.com (the new
 * Teams desktop client) and outlook(-sdf).office.com; those are listed for whoever checks the docs.
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://*.microsoft365.com',
  // Microsoft 365 web clients are moving to *.cloud.microsoft (teams., outlook., m365.).
  'https://*.cloud.microsoft',
] as const;

/** teams-js fetches its list of valid host origins from here when it loads (a path prefix). */
const TEAMS_JS_CDN = 'https://res.cdn.office.net/teams-js/';

export interface SecurityHeaderOptions {
  /** The public URL is https: ask browsers to stay on https (HSTS) and upgrade stray http loads. */
  https: boolean;
}

export function securityHeaders({ https }: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // The built tab is same-origin ES modules only: no inline script, no eval.
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Fluent UI (Griffel) inserts <style> elements at run time, and the page has a small inline <style>.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", TEAMS_JS_CDN],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // Only Teams and Microsoft 365 may frame the tab (clickjacking); this replaces X-Frame-Options.
        'frame-ancestors': ["'self'", ...TEAMS_FRAME_ANCESTORS],
        // On plain-http local runs this would rewrite the tab's own scripts to https and break it.
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // X-Frame-Options cannot name Teams (ALLOW-FROM is gone from browsers) and would block the
    // tab inside Teams; CSP frame-ancestors above supersedes it.
    xFrameOptions: false,
    // Microsoft: a COOP header on an app's pages severs the Teams authentication pop-up from its
    // opener (authenticate() then fails with CancelledByUser). MicrosoftDocs/msteams-docs#9895.
    crossOriginOpenerPolicy: false,
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/** For answers that carry personal data: no browser, proxy or shared cache may keep them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
