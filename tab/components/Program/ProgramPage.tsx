// The Program place, for program managers: the program they manage (a choice when they manage
// several), and its views (programViews.ts) as a tab list.
import { Field, Select, Tab, TabList, Title3 } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { useResource } from '../../hooks/useResource';
import { strings } from '../../strings';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { programViews, type ProgramView } from './programViews';

export default function ProgramPage({ identityKey }: { identityKey: string }) {
  const api = useApi();
  const mine = useResource(`my-programs:${identityKey}`, () => call(api, routes.getMyPrograms));
  const [chosen, setChosen] = useState<string>();
  const [view, setView] = useState<ProgramView['id']>('setup');
  const s = strings.program;
  if (mine.state.status === 'loading') return <LoadingState label={s.loading} />;
  if (mine.state.status === 'error')
    return <ErrorState title={s.loadFailed} message={mine.state.error.message} onRetry={() => void mine.reload()} />;
  const programs = mine.state.data.programs;
  const programId = chosen ?? programs[0]?.id;
  const current = programViews.find((v) => v.id === view) ?? programViews[0]!;
  return (
    <section aria-labelledby="program-heading">
      <Title3 as="h2" id="program-heading">
        {s.views[current.id]}
      </Title3>
      {programs.length > 1 && (
        <Field label={s.choose}>
          <Select value={programId} onChange={(_, d) => setChosen(d.value)}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {programViews.length > 1 && (
        <TabList selectedValue={current.id} onTabSelect={(_, d) => setView(d.value as ProgramView['id'])} aria-label={s.viewsLabel}>
          {programViews.map((v) => (
            <Tab key={v.id} value={v.id}>
              {s.views[v.id]}
            </Tab>
          ))}
        </TabList>
      )}
      {programId && (
        <Suspense fallback={<LoadingState label={s.loading} />}>
          <current.Component key={`${programId}:${current.id}`} programId={programId} />
        </Suspense>
      )}
    </section>
  );
}
