// A pair's wins over HTTP, for the plan page: list, record one, and the mentee's consent to share
// one in the program's weekly digest (If-Match). Parse, call the recognition service, map.
import { Router } from 'express';
import { pairParams, paths, winConsentInput, winParams } from '../../shared/api';
import type { RecognitionService } from '../../shared/recognition/recognitionService';
import { winInput } from '../../shared/recognition/win';
import { ok } from '../../shared/result';
import { route } from './http';

export function winRoutes(recognition: RecognitionService): Router {
  const r = Router();
  r.get(paths.wins, route({ params: pairParams }, ({ actor, params }) => recognition.listWins(actor, params.pairId)));
  r.post(paths.wins, route({ params: pairParams, body: winInput, status: 201 }, async ({ actor, params, body }) => {
    const recorded = await recognition.recognizeWin(actor, params.pairId, body);
    return recorded.ok ? ok(recorded.value.win) : recorded;
  }));
  r.patch(paths.win, route({ params: winParams, body: winConsentInput, ifMatch: true }, ({ actor, params, body, etag }) =>
    recognition.setWinConsent(actor, params.pairId, params.winId, etag, body)));
  return r;
}
