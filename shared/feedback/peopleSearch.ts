// Choosing feedback respondents outside Teams (where there is no Teams people picker): people the
// app knows in the caller's own tenant, found by a few letters of their name. The caller is left
// out (nobody gives feedback on their own request), and the answer carries what the picker shows
// (name, job title, time zone), never an email address.
import { PEOPLE_SEARCH_MIN_LENGTH, peopleSearchTooShort, type PeopleView } from '../api';
import { summarizePerson, type Person, type PersonSummary } from '../person';
import { inActorsTenant, ofActorsTenant, type Actor } from '../policy';
import type { PeopleRepository } from '../repositories';
import { fail, ok, type Result } from '../result';

export const PEOPLE_SEARCH_MAX = 20;

/** What the people search shows of someone: enough to pick them, no contact details. */
const listed = (p: Person): PersonSummary => {
  const { email: _email, ...shown } = summarizePerson(p);
  return shown;
};

export function createPeopleSearch(deps: { people: Pick<PeopleRepository, 'get' | 'list'> }) {
  return {
    /** `text` is the parsed query (`peopleQuery`); a missing or short one is refused, never answered with everyone. */
    async search(actor: Actor, text: string | undefined): Promise<Result<PeopleView>> {
      if (text === undefined || text.trim().length < PEOPLE_SEARCH_MIN_LENGTH)
        return fail('invalid', peopleSearchTooShort, { issues: [{ path: 'search', message: peopleSearchTooShort }] });
      // Someone the app does not know (not enrolled in their tenant) has nobody to ask and learns nothing of the directory.
      if (!ofActorsTenant(actor, await deps.people.get(actor.id)))
        return fail('not_found', 'You are not enrolled in a mentoring program yet.');
      const needle = text.trim().toLocaleLowerCase();
      const matches = (await deps.people.list()).filter(
        (p) => p.id !== actor.id && inActorsTenant(actor, p) && p.displayName.toLocaleLowerCase().includes(needle),
      );
      return ok({ people: matches.slice(0, PEOPLE_SEARCH_MAX).map(listed) });
    },
  };
}

export type PeopleSearch = ReturnType<typeof createPeopleSearch>;
