// The pair's journal over HTTP (a page of the timeline, notes with If-Match, the mentee's sharing)
// and a program manager's leadership trail of a pair. Each calls one journal use case.
import type { Router } from 'express';
import type { JournalService } from '../../shared/journal/journalService';
import { serve } from './http';

export function journalRoutes(journal: JournalService): Router {
  return serve({
    getJournal: ({ actor, params, query }) => journal.page(actor, params.pairId, query),
    createNote: ({ actor, params, body }) => journal.createNote(actor, params.pairId, body),
    updateNote: ({ actor, params, body, etag }) => journal.updateNote(actor, params.pairId, params.entryId, etag, body),
    deleteNote: ({ actor, params, etag }) => journal.deleteNote(actor, params.pairId, params.entryId, etag),
    setEntrySharing: ({ actor, params, body, etag }) => journal.setSharing(actor, params.pairId, params.entryId, etag, body),
    getTrail: ({ actor, params }) => journal.trail(actor, params.programId, params.pairId),
  });
}
