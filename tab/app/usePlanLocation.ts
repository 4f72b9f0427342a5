// Where in the app the person is: which pair, which place of its plan, which goal a link pointed
// at. Every move is an entry in the window's history (`/plans/{pairId}[/{place}]`), so back and
// forward work, a reload stays where it was and the address can be shared. Inside Teams the tab's
// frame keeps the same history; the first location comes from the deep link's `subPageId`.
import { useCallback, useEffect, useState } from 'react';
import { parsePlanPath, planPath, type PlanLinkRef, type PlanPlace } from '../../shared/planLinks';

export interface PlanLocation {
  pairId?: string;
  goalId?: string;
  place: PlanPlace;
}

const locationOf = (link: PlanLinkRef | undefined): PlanLocation => ({
  ...(link?.pairId ? { pairId: link.pairId } : {}),
  ...(link?.goalId ? { goalId: link.goalId } : {}),
  place: link?.place ?? 'plan',
});

export function usePlanLocation(initial: PlanLinkRef | undefined) {
  const [location, setLocation] = useState<PlanLocation>(() => locationOf(initial));

  useEffect(() => {
    const onPop = () => setLocation(locationOf(parsePlanPath(window.location.pathname)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  /** Opens a pair at a place: a new history entry, unless it is where the person is already. */
  const go = useCallback((pairId: string, place: PlanPlace) => {
    setLocation({ pairId, place });
    const path = `/${planPath(place === 'plan' ? { pairId } : { pairId, place })}`;
    if (window.location.pathname !== path) window.history.pushState(null, '', path);
  }, []);

  return { location, go };
}
