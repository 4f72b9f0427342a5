// Who is asked, and as what (peer, supervisor, customer). Inside Teams people come from the Teams
// people picker; elsewhere (a browser with the development sign-in) from the people the app knows.
import { Button, Caption1, Combobox, Field, Option, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, PeopleAddRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import {
  feedbackRelation,
  MAX_RESPONDENTS,
  type FeedbackRelation,
  type FeedbackRespondent,
} from '../../../shared/feedback/feedbackRequest';
import type { FieldErrors } from '../../forms/fieldErrors';
import { strings } from '../../strings';
import { pickPeopleInTeams, teamsPeoplePickerAvailable, type PickedPerson } from './teamsPeoplePicker';
import { usePeopleSearch } from './usePeopleSearch';
import { ChoiceOptions } from '../../forms/ChoiceOptions';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  name: { flex: '1 1 140px', minWidth: 0, overflowWrap: 'anywhere' },
  relation: { flex: '0 1 150px', minWidth: '120px' },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface RespondentPickerProps {
  respondents: FeedbackRespondent[];
  onChange: (respondents: FeedbackRespondent[]) => void;
  /** The person asking: they cannot answer their own request. */
  askerId: string;
  errors: FieldErrors;
}

export function RespondentPicker({ respondents, onChange, askerId, errors }: RespondentPickerProps) {
  const styles = useStyles();
  const s = strings.feedback.form;
  const legendId = useId();
  const hintId = useId();
  const [inTeams] = useState(teamsPeoplePickerAvailable);
  const full = respondents.length >= MAX_RESPONDENTS;

  const add = (picked: PickedPerson[]) => {
    const known = new Set(respondents.map((r) => r.personId));
    const added = picked
      .filter((p) => p.personId !== askerId && !known.has(p.personId))
      .map((p): FeedbackRespondent => ({ ...p, relation: 'peer' }));
    if (added.length > 0) onChange([...respondents, ...added].slice(0, MAX_RESPONDENTS));
  };
  const setRelation = (index: number, relation: FeedbackRelation) =>
    onChange(respondents.map((r, i) => (i === index ? { ...r, relation } : r)));
  const remove = (index: number) => onChange(respondents.filter((_, i) => i !== index));

  // The list's own message ("name at least one person") sits on the control that adds people.
  const listError = errors.respondents ?? (full ? s.respondentsFull(MAX_RESPONDENTS) : undefined);
  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId} aria-describedby={hintId}>
      <legend id={legendId} className={styles.legend}>
        {s.respondents}
      </legend>
      <Caption1 id={hintId} className={styles.hint}>
        {s.respondentsHint}
      </Caption1>
      {respondents.length > 0 && (
        <ul className={styles.list} aria-label={s.respondentsLabel}>
          {respondents.map((r, i) => (
            <li key={r.personId} className={styles.item}>
              <Text className={styles.name}>{r.displayName}</Text>
              <Field
                className={styles.relation}
                validationMessage={errors[`respondents.${i}.personId`] ?? errors[`respondents.${i}.relation`]}
              >
                <Select
                  aria-label={s.relationOf(r.displayName)}
                  value={r.relation}
                  onChange={(_, d) => setRelation(i, feedbackRelation.parse(d.value))}
                >
                  <ChoiceOptions values={feedbackRelation.options} labels={strings.feedback.relationOption} />
                </Select>
              </Field>
              <Button
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={s.removeRespondent(r.displayName)}
                onClick={() => remove(i)}
              />
            </li>
          ))}
        </ul>
      )}
      {inTeams ? (
        <TeamsPeopleButton disabled={full} error={listError} onPicked={add} />
      ) : (
        <PeopleSearchBox
          disabled={full}
          error={listError}
          exclude={[askerId, ...respondents.map((r) => r.personId)]}
          onPicked={(p) => add([p])}
        />
      )}
    </fieldset>
  );
}

function TeamsPeopleButton({
  disabled,
  error,
  onPicked,
}: {
  disabled: boolean;
  error?: string;
  onPicked: (people: PickedPerson[]) => void;
}) {
  const [failed, setFailed] = useState(false);
  const choose = async () => {
    setFailed(false);
    try {
      onPicked(await pickPeopleInTeams());
    } catch {
      setFailed(true);
    }
  };
  return (
    <Field validationMessage={error ?? (failed ? strings.feedback.form.pickerFailed : undefined)}>
      <Button icon={<PeopleAddRegular />} disabled={disabled} onClick={() => void choose()}>
        {strings.feedback.form.choosePeople}
      </Button>
    </Field>
  );
}

interface PeopleSearchBoxProps {
  disabled: boolean;
  error?: string;
  /** Ids not to offer: the asker and the people already chosen. */
  exclude: string[];
  onPicked: (person: PickedPerson) => void;
}

function PeopleSearchBox({ disabled, error, exclude, onPicked }: PeopleSearchBoxProps) {
  const styles = useStyles();
  const s = strings.feedback.form;
  const [query, setQuery] = useState('');
  const search = usePeopleSearch(query);
  const offered = search.status === 'ready' ? search.people.filter((p) => !exclude.includes(p.id)) : [];

  // A message in the list is an option nobody can choose; Fluent's own filter hook does the same.
  let message: string | undefined;
  if (search.status === 'too_short') message = s.typeMore;
  else if (search.status === 'loading') message = s.searching;
  else if (search.status === 'error') message = s.searchFailed;
  else if (offered.length === 0) message = s.noPeopleFound;

  return (
    <Field label={s.searchPeople} validationMessage={error}>
      <Combobox
        value={query}
        placeholder={s.searchPlaceholder}
        disabled={disabled}
        selectedOptions={[]}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => {
          const person = offered.find((p) => p.id === d.optionValue);
          if (!person) return;
          onPicked({ personId: person.id, displayName: person.displayName });
          setQuery('');
        }}
      >
        {message !== undefined ? (
          <Option key="message" value="" text="" aria-disabled="true">
            {message}
          </Option>
        ) : (
          offered.map((p) => (
            <Option key={p.id} value={p.id} text={p.displayName}>
              <span>
                {p.displayName}
                {p.jobTitle && (
                  <Caption1 block className={styles.secondary}>
                    {p.jobTitle}
                  </Caption1>
                )}
              </span>
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
