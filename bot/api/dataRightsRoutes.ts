// Each person's data over HTTP: the export download and the erasure (capability 14).
import type { Router } from 'express';
import type { DataRights } from '../privacy/dataRights';
import { serve } from './http';

export function dataRightsRoutes(dataRights: DataRights): Router {
  return serve({
    exportMyData: ({ actor }) => dataRights.exportFor(actor),
    eraseMe: ({ actor }) => dataRights.erase(actor),
  });
}
