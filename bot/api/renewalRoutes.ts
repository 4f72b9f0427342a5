// A pair's renewal over HTTP, for the tab: see it, and decide it (If-Match on the pair). Each calls one use case.
import type { Router } from 'express';
import type { RenewalService } from '../../shared/renewal/renewalService';
import { serve } from './http';

export function renewalRoutes(renewal: RenewalService): Router {
  return serve({
    getRenewal: ({ actor, params }) => renewal.get(actor, params.pairId),
    decideRenewal: ({ actor, params, body, etag }) => renewal.decide(actor, params.pairId, etag, body),
  });
}
