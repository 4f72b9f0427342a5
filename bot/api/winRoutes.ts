// A pair's wins over HTTP, for the plan page: list, record one, and the mentee's consent to share
// one in the program's weekly digest (If-Match). Call the recognition service with the parsed input.
import type { Router } from 'express';
import type { RecognitionService } from '../../shared/recognition/recognitionService';
import { ok } from '../../shared/result';
import { serve } from './http';

export function winRoutes(recognition: RecognitionService): Router {
  return serve({
    getWins: ({ actor, params }) => recognition.listWins(actor, params.pairId),
    createWin: async ({ actor, params, body }) => {
      const recorded = await recognition.recognizeWin(actor, params.pairId, body);
      return recorded.ok ? ok(recorded.value.win) : recorded;
    },
    setWinConsent: ({ actor, params, body, etag }) => recognition.setWinConsent(actor, params.pairId, params.winId, etag, body),
  });
}
