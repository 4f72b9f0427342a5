// The app's own links to a plan, one of its places or one of its goals: `{publicUrl}/plans/{pairId}`,
// `{publicUrl}/plans/{pairId}/{place}` and `{publicUrl}/plans/{pairId}/goals/{goalId}`. Built and
// parsed only here, so the links cards carry, the links Teams unfurls (the manifest's
// messageHandlers) and the tab's routes agree.
import { entityId } from './program';

/** The places of a plan in the tab (tab/app/places.ts draws them); `plan` is the default and has no path segment. */
export const planPlaces = ['plan', 'check-ins', 'feedback', 'checkpoints', 'journal', 'renewal'] as const;
export type PlanPlace = (typeof planPlaces)[number];
const isPlanPlace = (text: string): text is PlanPlace => (planPlaces as readonly string[]).includes(text);

export interface PlanLinkRef {
  pairId: string;
  goalId?: string;
  /** A place other than the plan itself; a goal link is always in the plan. */
  place?: Exclude<PlanPlace, 'plan'>;
}

/** `plans/{pairId}[/goals/{goalId} | /{place}]`: the path under the public URL, and the tab's sub-page id inside Teams. */
export function planPath(ref: PlanLinkRef): string {
  const plan = `plans/${encodeURIComponent(ref.pairId)}`;
  if (ref.goalId !== undefined) return `${plan}/goals/${encodeURIComponent(ref.goalId)}`;
  return ref.place === undefined ? plan : `${plan}/${ref.place}`;
}

export function planUrl(publicUrl: string, ref: PlanLinkRef): string {
  return `${publicUrl.replace(/\/+$/, '')}/${planPath(ref)}`;
}

const PLAN_PATH = /^\/?plans\/([^/]+)(?:\/goals\/([^/]+)|\/([a-z-]+))?\/?$/;

/**
 * The plan, place or goal a path names: `/plans/{pairId}[/goals/{goalId} | /{place}]` (a browser's
 * pathname) or the same without the leading slash (the tab's `subEntityId` inside Teams). Anything
 * else is undefined.
 */
export function parsePlanPath(path: string): PlanLinkRef | undefined {
  const match = PLAN_PATH.exec(path);
  if (!match) return undefined;
  const place = match[3];
  if (place !== undefined && (!isPlanPlace(place) || place === 'plan')) return undefined;
  const decode = (part: string | undefined) => {
    if (part === undefined) return undefined;
    try {
      const value = decodeURIComponent(part);
      return entityId.safeParse(value).success ? value : null;
    } catch {
      return null;
    }
  };
  const pairId = decode(match[1]);
  const goalId = decode(match[2]);
  if (!pairId || goalId === null) return undefined;
  if (place !== undefined) return { pairId, place };
  return goalId === undefined ? { pairId } : { pairId, goalId };
}

/** The plan or goal a URL names, when it is one of the app's own links; anything else is undefined. */
export function parsePlanUrl(publicUrl: string, url: string): PlanLinkRef | undefined {
  let link: URL;
  let base: URL;
  try {
    link = new URL(url);
    base = new URL(publicUrl);
  } catch {
    return undefined;
  }
  // The host decides, not the scheme: a link pasted as http:// names the same plan as https://.
  if (link.host.toLowerCase() !== base.host.toLowerCase()) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (!link.pathname.startsWith(`${basePath}/`)) return undefined;
  return parsePlanPath(link.pathname.slice(basePath.length));
}
