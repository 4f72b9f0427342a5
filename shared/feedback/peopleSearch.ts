// Choosing feedback respondents outside Teams (where there is no Teams people picker): people the
// app knows, found by name or email, for people the app knows. The caller is left out: nobody gives
// feedback on their own request.
import type { PeopleView } from '../api';
import { summarizePerson } from '../person';
import type { Actor } from '../policy';
import type { PeopleRepository } from '../repositories';
import { fail, ok, type Result } from '../result';

export const PEOPLE_SEARCH_MAX = 20;

export function createPeopleSearch(deps: { people: Pick<PeopleRepository, 'get' | 'list'> }) {
  return {
    async search(actor: Actor, text: string): Promise<Result<PeopleView>> {
      // Someone the app does not know (not enrolled) has nobody to ask and learns nothing of the directory.
      if (!(await deps.people.get(actor.id))) return fail('not_found', 'You are not enrolled in a mentoring program yet.');
      const needle = text.trim().toLocaleLowerCase();
      const matches = (await deps.people.list()).filter(
        (p) =>
          p.id !== actor.id &&
          (needle === '' || p.displayName.toLocaleLowerCase().includes(needle) || (p.email ?? '').toLocaleLowerCase().includes(needle)),
      );
      return ok({ people: matches.slice(0, PEOPLE_SEARCH_MAX).map(summarizePerson) });
    },
  };
}

export type PeopleSearch = ReturnType<typeof createPeopleSearch>;
