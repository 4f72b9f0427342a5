// A pair's checkpoints over HTTP, for the tab: the list with the scorecard over time, one
// checkpoint, and preparing, signing off, correcting and sharing it. Each calls one use case.
import type { Router } from 'express';
import type { CheckpointService } from '../../shared/checkpoints/checkpointService';
import { serve } from './http';

export function checkpointRoutes(checkpoints: CheckpointService): Router {
  return serve({
    getCheckpoints: ({ actor, params }) => checkpoints.list(actor, params.pairId),
    getCheckpoint: ({ actor, params }) => checkpoints.get(actor, params.pairId, params.dueDate),
    startCheckpoint: ({ actor, params }) => checkpoints.start(actor, params.pairId, params.dueDate),
    saveCheckpointDraft: ({ actor, params, body, etag }) => checkpoints.saveDraft(actor, params.pairId, params.dueDate, etag, body),
    signOffCheckpoint: ({ actor, params, etag }) => checkpoints.signOff(actor, params.pairId, params.dueDate, etag),
    correctCheckpoint: ({ actor, params, etag }) => checkpoints.correct(actor, params.pairId, params.dueDate, etag),
    setCheckpointSharing: ({ actor, params, body, etag }) => checkpoints.setSharing(actor, params.pairId, params.dueDate, etag, body),
  });
}
