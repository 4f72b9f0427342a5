import { useEffect, useState } from 'react';
import type { PersonSummary } from '../../../shared/person';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { PEOPLE_SEARCH_MIN_LENGTH } from '../../../shared/api';

export type PeopleSearch =
  { status: 'too_short' } | { status: 'loading' } | { status: 'ready'; people: PersonSummary[] } | { status: 'error' };

// Wait for a pause in typing so each keystroke does not become a request.
const TYPING_PAUSE_MS = 250;

/** People known to the app whose name matches `query`; an older answer never replaces a newer one. */
export function usePeopleSearch(query: string): PeopleSearch {
  const api = useApi();
  const [result, setResult] = useState<PeopleSearch>({ status: 'too_short' });
  useEffect(() => {
    let current = true;
    // The search answers from a few letters on: a shorter query asks for more instead of a request.
    if (query.trim().length < PEOPLE_SEARCH_MIN_LENGTH) {
      setResult({ status: 'too_short' });
      return;
    }
    setResult({ status: 'loading' });
    const timer = setTimeout(() => {
      call(api, routes.searchPeople, { query: { search: query.trim() } }).then(
        ({ people }) => current && setResult({ status: 'ready', people }),
        () => current && setResult({ status: 'error' }),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  return result;
}
