// Add or edit a milestone: a title and a due date, checked with the shared schemas before sending.
import { Field, Input } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { milestoneCreateInput, milestonePatchInput, type GoalView, type MilestoneView } from '../../../shared/api';
import { isPastDate, pastDateMessage } from '../../../shared/dueDate';
import type { Milestone } from '../../../shared/milestone';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { ConflictChoice } from '../../forms/ConflictChoice';
import { DialogForm, FormDialog } from '../../forms/DialogFrame';
import { zodFieldErrors, type FieldErrors } from '../../forms/fieldErrors';
import { useSubmit } from '../../forms/useSubmit';
import { planViewer, useVersionedForm } from '../../forms/useVersionedForm';
import { formatDate } from '../../format';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';

export interface MilestoneDialogProps {
  goal: GoalView;
  /** The milestone to edit; without it the dialog adds one. */
  milestone?: MilestoneView;
  trigger: ReactElement;
}

export function MilestoneDialog({ goal, milestone, trigger }: MilestoneDialogProps) {
  return <FormDialog trigger={trigger}>{(close) => <MilestoneForm goal={goal} milestone={milestone} onDone={close} />}</FormDialog>;
}

type MilestoneFormValues = { title: string; dueDate: string };
const milestoneToForm = (m: Milestone): MilestoneFormValues => ({ title: m.title, dueDate: m.dueDate });

function MilestoneForm({ goal, milestone, onDone }: { goal: GoalView; milestone?: MilestoneView; onDone: () => void }) {
  const api = useApi();
  const { pairId, plan, reload } = usePlanContext();
  const s = strings.milestones;
  // The version being edited; a conflict merges the stored one in (useVersionedForm).
  const edit = useVersionedForm<Milestone, MilestoneFormValues>({
    version: milestone && { value: milestone.value, etag: milestone.etag },
    toValues: milestoneToForm,
    empty: () => ({ title: '', dueDate: '' }),
    what: strings.conflicts.what.milestone,
    viewer: planViewer(plan),
    labels: { title: s.title, dueDate: s.dueDate },
  });
  const { base, values } = edit;
  const { title, dueDate } = values;
  const { busy, fieldErrors, notice, run, reject, setFieldError } = useSubmit();
  const ref = { pairId, goalId: goal.value.id };

  async function submit(form: HTMLFormElement) {
    const waiting = edit.unresolved();
    if (Object.keys(waiting).length > 0) return reject(waiting, form);
    const pastError: FieldErrors =
      dueDate && dueDate !== base?.value.dueDate && isPastDate(dueDate, plan.today) ? { dueDate: pastDateMessage(s.dueDateWhat) } : {};
    let send: () => Promise<unknown>;
    if (base) {
      const patch: Record<string, unknown> = {};
      if (title.trim() !== base.value.title) patch.title = title;
      if (dueDate !== base.value.dueDate) patch.dueDate = dueDate;
      if (Object.keys(patch).length === 0) return reject({ '': strings.goalForm.nothingChanged }, form);
      const parsed = milestonePatchInput.safeParse(patch);
      if (!parsed.success || pastError.dueDate)
        return reject({ ...pastError, ...(parsed.success ? {} : zodFieldErrors(parsed.error)) }, form);
      send = () =>
        call(api, routes.updateMilestone, { params: { ...ref, milestoneId: base.value.id }, body: parsed.data, etag: base.etag });
    } else {
      const parsed = milestoneCreateInput.safeParse({ title, dueDate });
      if (!parsed.success || pastError.dueDate)
        return reject({ ...pastError, ...(parsed.success ? {} : zodFieldErrors(parsed.error)) }, form);
      send = () => call(api, routes.createMilestone, { params: ref, body: parsed.data });
    }
    const done = await run(
      async () => {
        await send();
        await reload();
      },
      {
        form,
        onConflict: (error) => {
          void reload();
          return edit.onConflict(error);
        },
      },
    );
    if (done) onDone();
  }

  const choice = (field: keyof MilestoneFormValues) => {
    const clash = edit.clashes.find((c) => c.field === field);
    if (!clash) return null;
    const choose = (side: 'mine' | 'theirs') => {
      edit.choose(field, side);
      setFieldError(field, undefined);
    };
    const display = field === 'dueDate' ? (d: string) => (d ? formatDate(d) : '') : undefined;
    return <ConflictChoice label={edit.labels[field]} clash={clash} theirsLabel={edit.theirsLabel} display={display} onChoose={choose} />;
  };

  return (
    <DialogForm
      title={base ? s.editTitle : s.addTitle}
      notice={notice}
      busy={busy}
      submitLabel={base ? strings.common.save : s.add}
      onSubmit={submit}
    >
      <div>
        <Field label={s.title} required validationMessage={fieldErrors.title}>
          <Input value={title} onChange={(_, d) => edit.setField('title', d.value)} />
        </Field>
        {choice('title')}
      </div>
      <div>
        <Field label={s.dueDate} required validationMessage={fieldErrors.dueDate}>
          <Input type="date" min={plan.today} value={dueDate} onChange={(_, d) => edit.setField('dueDate', d.value)} />
        </Field>
        {choice('dueDate')}
      </div>
    </DialogForm>
  );
}
