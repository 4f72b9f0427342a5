// Enrolling one person. Inside Teams the people picker names them (with their Entra object id); in
// a browser a search over the people the app knows does, and anyone else is typed in by id and name.
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { routes } from '../../../shared/api/routes';
import type { EnrolmentRole } from '../../../shared/program/enrolment';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useSubmit } from '../../forms/useSubmit';
import { pickPeopleInTeams, teamsPeoplePickerAvailable } from '../Feedback/teamsPeoplePicker';
import { usePeopleSearch } from '../Feedback/usePeopleSearch';
import { enrolmentStrings as s } from './enrolmentStrings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  results: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  days: { display: 'flex', flexWrap: 'wrap' },
});

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

interface Values {
  personId: string;
  displayName: string;
  role: EnrolmentRole;
  mentorCapacity: string;
  timeZone: string;
  start: string;
  end: string;
  days: number[];
  cohort: string;
}

const emptyValues = (): Values => ({
  personId: '',
  displayName: '',
  role: 'mentee',
  mentorCapacity: '2',
  timeZone: browserTimeZone(),
  start: '09:00',
  end: '17:00',
  days: [1, 2, 3, 4, 5],
  cohort: '',
});

export function AddPersonForm({ programId, onEnrolled }: { programId: string; onEnrolled: () => void }) {
  const api = useApi();
  const styles = useStyles();
  const [values, setValues] = useState<Values>(emptyValues);
  const [done, setDone] = useState<string>();
  const submit = useSubmit();
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const error = (path: string) => submit.fieldErrors[path];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(undefined);
    const form = event.currentTarget;
    const sent = await submit.run(
      async () => {
        await call(api, routes.enrol, {
          params: { programId },
          body: {
            personId: values.personId.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            timeZone: values.timeZone.trim(),
            workingHours: { start: values.start, end: values.end, days: values.days },
            mentorCapacity: values.role === 'mentor' ? Number(values.mentorCapacity) : 0,
            ...(values.cohort.trim() ? { cohort: values.cohort.trim() } : {}),
          },
        });
      },
      { form },
    );
    if (sent) {
      setDone(s.enrolled(values.displayName.trim(), s.roles[values.role]));
      setValues(emptyValues());
      onEnrolled();
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} aria-label={s.addHeading} noValidate>
      <FormNoticeBar notice={submit.notice} />
      {done && (
        <Text role="status" weight="semibold">
          {done}
        </Text>
      )}
      <PersonChooser
        onChosen={({ timeZone, ...p }) => set(timeZone ? { ...p, timeZone } : p)}
        chosen={values.personId ? values.displayName : undefined}
      />
      <div className={styles.row}>
        <Field label={s.personId} required validationMessage={error('personId')}>
          <Input value={values.personId} onChange={(_, d) => set({ personId: d.value })} />
        </Field>
        <Field label={s.displayName} required validationMessage={error('displayName')}>
          <Input value={values.displayName} onChange={(_, d) => set({ displayName: d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={s.role}>
          <Select value={values.role} onChange={(_, d) => set({ role: d.value as EnrolmentRole })}>
            <option value="mentee">{s.roles.mentee}</option>
            <option value="mentor">{s.roles.mentor}</option>
          </Select>
        </Field>
        {values.role === 'mentor' && (
          <Field label={s.mentorCapacity} validationMessage={error('mentorCapacity')}>
            <Input type="number" min={1} max={20} value={values.mentorCapacity} onChange={(_, d) => set({ mentorCapacity: d.value })} />
          </Field>
        )}
        <Field label={s.cohort} validationMessage={error('cohort')}>
          <Input value={values.cohort} onChange={(_, d) => set({ cohort: d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={s.timeZone} validationMessage={error('timeZone')}>
          <Input value={values.timeZone} onChange={(_, d) => set({ timeZone: d.value })} />
        </Field>
        <Field label={s.workStart} validationMessage={error('workingHours.start')}>
          <Input type="time" value={values.start} onChange={(_, d) => set({ start: d.value })} />
        </Field>
        <Field label={s.workEnd} validationMessage={error('workingHours.end')}>
          <Input type="time" value={values.end} onChange={(_, d) => set({ end: d.value })} />
        </Field>
      </div>
      <fieldset className={styles.days}>
        <legend>{s.workDays}</legend>
        {s.dayNames.map((name, i) => (
          <Checkbox
            key={name}
            label={name}
            checked={values.days.includes(i + 1)}
            onChange={(_, d) =>
              set({ days: d.checked ? [...values.days, i + 1].sort((a, b) => a - b) : values.days.filter((x) => x !== i + 1) })
            }
          />
        ))}
      </fieldset>
      <div>
        <Button appearance="primary" type="submit" disabled={submit.busy}>
          {submit.busy ? s.enrolling : s.enrol}
        </Button>
      </div>
    </form>
  );
}

interface Chosen {
  personId: string;
  displayName: string;
  timeZone?: string;
}

/** The Teams people picker where the host offers it; a search over known people otherwise. */
function PersonChooser({ onChosen, chosen }: { onChosen: (p: Chosen) => void; chosen: string | undefined }) {
  const [inTeams] = useState(teamsPeoplePickerAvailable);
  if (inTeams) {
    const pick = async () => {
      const [first] = await pickPeopleInTeams();
      if (first) onChosen({ personId: first.personId, displayName: first.displayName });
    };
    return (
      <div>
        <Button onClick={() => void pick()}>{s.pickInTeams}</Button> {chosen && <Text>{s.chosen(chosen)}</Text>}
      </div>
    );
  }
  return <PeopleSearchField onChosen={onChosen} />;
}

function PeopleSearchField({ onChosen }: { onChosen: (p: Chosen) => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const found = usePeopleSearch(query);
  return (
    <Field label={s.search} hint={s.searchHint}>
      <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
      {found.status === 'ready' &&
        (found.people.length === 0 ? (
          <Text>{s.noMatches}</Text>
        ) : (
          <ul className={styles.results} aria-label={s.searchResults}>
            {found.people.map((p) => (
              <li key={p.id}>
                <Button
                  size="small"
                  aria-label={s.choose(p.displayName)}
                  onClick={() => {
                    onChosen({ personId: p.id, displayName: p.displayName, timeZone: p.timeZone });
                    setQuery('');
                  }}
                >
                  {p.displayName}
                </Button>
              </li>
            ))}
          </ul>
        ))}
      {found.status === 'error' && <Text>{s.searchFailed}</Text>}
    </Field>
  );
}
