// Add a development activity to a goal: its kind, title, notes, status and an optional due date.
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { activityKind, activityKindLabel, activityStatus, activityStatusLabel } from '../../../shared/activity';
import { activityCreateInput, type GoalView } from '../../../shared/api';
import { isPastDate, pastDateMessage } from '../../../shared/dueDate';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { DialogForm, FormDialog } from '../../forms/DialogFrame';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { ChoiceOptions } from '../../forms/ChoiceOptions';

export function ActivityDialog({ goal, trigger }: { goal: GoalView; trigger: ReactElement }) {
  return <FormDialog trigger={trigger}>{(close) => <ActivityForm goal={goal} onDone={close} />}</FormDialog>;
}

function ActivityForm({ goal, onDone }: { goal: GoalView; onDone: () => void }) {
  const api = useApi();
  const { pairId, plan, reload } = usePlanContext();
  const [values, setValues] = useState({ kind: 'targeted_learning', title: '', notes: '', status: 'planned', dueDate: '' });
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const s = strings.activities;
  const set = (field: keyof typeof values) => (_: unknown, d: { value: string }) => setValues((v) => ({ ...v, [field]: d.value }));

  async function submit(form: HTMLFormElement) {
    const parsed = activityCreateInput.safeParse({ ...values, dueDate: values.dueDate || undefined });
    const past = values.dueDate && isPastDate(values.dueDate, plan.today) ? { dueDate: pastDateMessage(strings.dueDateWhat) } : {};
    if (!parsed.success || past.dueDate) return reject({ ...past, ...(parsed.success ? {} : zodFieldErrors(parsed.error)) }, form);
    const done = await run(
      async () => {
        await call(api, routes.createActivity, { params: { pairId, goalId: goal.value.id }, body: parsed.data });
        await reload();
      },
      { form },
    );
    if (done) onDone();
  }

  return (
    <DialogForm title={s.addTitle} notice={notice} busy={busy} submitLabel={s.add} onSubmit={submit}>
      <Field label={s.kind} validationMessage={fieldErrors.kind}>
        <Select value={values.kind} onChange={set('kind')}>
          <ChoiceOptions values={activityKind.options} labels={activityKindLabel} />
        </Select>
      </Field>
      <Field label={s.title} required validationMessage={fieldErrors.title}>
        <Input value={values.title} onChange={set('title')} />
      </Field>
      <Field label={s.notes} validationMessage={fieldErrors.notes}>
        <Textarea value={values.notes} onChange={set('notes')} resize="vertical" />
      </Field>
      <Field label={s.status} validationMessage={fieldErrors.status}>
        <Select value={values.status} onChange={set('status')}>
          <ChoiceOptions values={activityStatus.options} labels={activityStatusLabel} />
        </Select>
      </Field>
      <Field label={s.dueDate} validationMessage={fieldErrors.dueDate}>
        <Input type="date" min={plan.today} value={values.dueDate} onChange={set('dueDate')} />
      </Field>
    </DialogForm>
  );
}
