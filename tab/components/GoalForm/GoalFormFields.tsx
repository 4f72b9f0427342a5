// The goal's fields, one fieldset per SMART letter, each input labelled and with its message.
import { Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { FieldClash } from '../../../shared/conflicts';
import type { EditableGoalField } from '../../../shared/goal';
import type { StrategicPriority } from '../../../shared/program';
import { ConflictChoice } from '../../forms/ConflictChoice';
import type { FieldErrors } from '../../forms/fieldErrors';
import { formatDate } from '../../format';
import { strings } from '../../strings';
import type { GoalFormValues } from './goalFormModel';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))',
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  single: { maxWidth: '240px' },
});

export interface GoalFormFieldsProps {
  values: GoalFormValues;
  errors: FieldErrors;
  priorities: StrategicPriority[];
  today: string;
  onChange: (field: EditableGoalField, value: string) => void;
  onBlur: (field: EditableGoalField) => void;
  /** Fields both this form and a save made meanwhile changed: both values wait for a choice. */
  clashes?: FieldClash<EditableGoalField, string>[];
  theirsLabel?: string;
  onChoose?: (field: EditableGoalField, side: 'mine' | 'theirs') => void;
}

export function GoalFormFields({
  values,
  errors,
  priorities,
  today,
  onChange,
  onBlur,
  clashes = [],
  theirsLabel = '',
  onChoose,
}: GoalFormFieldsProps) {
  const styles = useStyles();
  const labels = strings.goalForm.labels;
  const hints: Partial<Record<EditableGoalField, string>> = strings.goalForm.hints;
  const display: Partial<Record<EditableGoalField, (value: string) => string>> = {
    priorityId: (id) => (id ? (priorities.find((p) => p.id === id)?.name ?? id) : strings.goalForm.noPriority),
    dueDate: (date) => (date ? formatDate(date) : ''),
  };

  const field = (name: EditableGoalField, control: ReactNode, required = false) => {
    const input = (
      <Field label={labels[name]} hint={hints[name]} required={required} validationMessage={errors[name]}>
        {control}
      </Field>
    );
    const clash = clashes.find((c) => c.field === name);
    if (!clash) return input;
    return (
      <div>
        {input}
        <ConflictChoice
          label={labels[name]}
          clash={clash}
          theirsLabel={theirsLabel}
          display={display[name]}
          onChoose={(side) => onChoose?.(name, side)}
        />
      </div>
    );
  };
  const common = (name: EditableGoalField) => ({
    name,
    value: values[name],
    onBlur: () => onBlur(name),
  });
  const text = (name: EditableGoalField, required = false) =>
    field(name, <Input {...common(name)} onChange={(_, d) => onChange(name, d.value)} />, required);
  const long = (name: EditableGoalField) =>
    field(name, <Textarea {...common(name)} resize="vertical" onChange={(_, d) => onChange(name, d.value)} />);
  const number = (name: EditableGoalField) =>
    field(name, <Input {...common(name)} inputMode="decimal" onChange={(_, d) => onChange(name, d.value)} />);

  const section = (legend: string, children: ReactNode) => (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
  const s = strings.goalForm.sections;

  return (
    <>
      {section(
        s.specific,
        <>
          {text('title', true)}
          {long('description')}
        </>,
      )}
      {section(
        s.measurable,
        <>
          <div className={styles.row}>
            {text('metric')}
            {text('unit')}
          </div>
          <div className={styles.row}>
            {number('baseline')}
            {number('target')}
            {number('current')}
          </div>
        </>,
      )}
      {section(
        s.achievable,
        <>
          {long('resources')}
          {long('risks')}
          <div className={styles.single}>{number('hoursPerMonth')}</div>
        </>,
      )}
      {section(
        s.relevant,
        <>
          {field(
            'priorityId',
            <Select {...common('priorityId')} onChange={(_, d) => onChange('priorityId', d.value)}>
              <option value="">{strings.goalForm.noPriority}</option>
              {priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>,
          )}
          {long('aspiration')}
        </>,
      )}
      {section(
        s.timeBound,
        <div className={styles.single}>
          {field('dueDate', <Input {...common('dueDate')} type="date" min={today} onChange={(_, d) => onChange('dueDate', d.value)} />)}
        </div>,
      )}
    </>
  );
}
