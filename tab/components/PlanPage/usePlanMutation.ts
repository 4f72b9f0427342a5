import { useState } from 'react';
import { ApiError } from '../../api/client';
import { strings } from '../../strings';
import { usePlanContext } from './PlanContext';

/**
 * For one-click changes outside a form (check off a milestone, change a status, delete): send,
 * then load the plan again so what the server computed (overdue, SMART gaps) stays true. A
 * conflict loads the current version and says so.
 */
export function usePlanMutation() {
  const { reload, notify } = usePlanContext();
  const [busy, setBusy] = useState(false);

  async function mutate(action: () => Promise<unknown>, failureTitle: string): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      await reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) {
        notify({ intent: 'warning', title: strings.errors.conflictTitle, message: strings.errors.conflict });
        await reload();
      } else {
        notify({ intent: 'error', title: failureTitle, message: e instanceof ApiError ? e.message : strings.errors.unexpected(0) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, mutate };
}
