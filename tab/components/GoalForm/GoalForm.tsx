// The goal form, in SMART order. Errors show next to their field: from the shared zod schemas when
// a field is left or the form is sent, and from the server's `issues` when it still refuses.
import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { GoalView, Versioned } from '../../../shared/api';
import type { EditableGoalField, Goal } from '../../../shared/goal';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { DialogForm } from '../../forms/DialogFrame';
import { useSubmit } from '../../forms/useSubmit';
import { planViewer, useVersionedForm } from '../../forms/useVersionedForm';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { GoalFormFields } from './GoalFormFields';
import { showAddedGoal } from './showAddedGoal';
import { emptyGoalForm, goalToForm, validateCreate, validatePatch, type GoalFormValues } from './goalFormModel';

export interface GoalFormProps {
  goal?: GoalView;
  onDone: () => void;
}

export function GoalForm({ goal, onDone }: GoalFormProps) {
  const api = useApi();
  const { plan, pairId, reload, notify } = usePlanContext();
  // The version being edited; a conflict merges the stored one in (useVersionedForm).
  const edit = useVersionedForm<Goal, GoalFormValues>({
    version: goal && { value: goal.value, etag: goal.etag },
    toValues: goalToForm,
    empty: emptyGoalForm,
    what: strings.conflicts.what.goal,
    viewer: planViewer(plan),
    labels: strings.goalForm.labels,
  });
  const { base, values } = edit;
  const [reason, setReason] = useState('');
  const { busy, fieldErrors, notice, run, reject, setFieldError } = useSubmit();

  const validate = (v: GoalFormValues, r: string) => (base ? validatePatch(base.value, v, r, plan.today) : validateCreate(v, plan.today));

  /** Re-checks the field just left or changed, and any field already showing a message. */
  function recheck(v: GoalFormValues, r: string, field: string, always: boolean) {
    const result = validate(v, r);
    const errors = { ...(result.ok ? {} : result.errors), ...edit.unresolved() };
    const fields = new Set(Object.keys(fieldErrors).filter((f) => f !== ''));
    if (always || fieldErrors[field]) fields.add(field);
    for (const f of fields) setFieldError(f, errors[f]);
  }

  const onChange = (field: EditableGoalField, value: string) => recheck(edit.setField(field, value), reason, field, false);
  const onBlur = (field: EditableGoalField) => recheck(values, reason, field, true);
  const choose = (field: EditableGoalField, side: 'mine' | 'theirs') => {
    edit.choose(field, side);
    setFieldError(field, undefined);
  };

  async function submit(form: HTMLFormElement) {
    const waiting = edit.unresolved();
    if (Object.keys(waiting).length > 0) return reject(waiting, form);
    let send: () => Promise<Versioned<Goal>>;
    if (base) {
      const patch = validatePatch(base.value, values, reason, plan.today);
      if (!patch.ok) return reject(patch.errors, form);
      send = () => call(api, routes.updateGoal, { params: { pairId, goalId: base.value.id }, body: patch.value, etag: base.etag });
    } else {
      const input = validateCreate(values, plan.today);
      if (!input.ok) return reject(input.errors, form);
      send = () => call(api, routes.createGoal, { params: { pairId }, body: input.value });
    }
    let saved: Goal | undefined;
    const done = await run(
      async () => {
        saved = (await send()).value;
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
    if (!done) return;
    onDone();
    if (!base && saved) showAddedGoal(saved, plan, notify);
  }

  return (
    <DialogForm
      title={base ? strings.goalForm.editTitle : strings.goalForm.createTitle}
      notice={notice}
      busy={busy}
      submitLabel={busy ? strings.goalForm.saving : base ? strings.goalForm.save : strings.goalForm.create}
      onSubmit={submit}
      roomy
    >
      <GoalFormFields
        values={values}
        errors={fieldErrors}
        priorities={plan.program.priorities.filter((p) => !p.archived || p.id === base?.value.priorityId)}
        today={plan.today}
        onChange={onChange}
        onBlur={onBlur}
        clashes={edit.clashes}
        theirsLabel={edit.theirsLabel}
        onChoose={choose}
      />
      {base && (
        <Field label={strings.goalForm.reason} hint={strings.goalForm.reasonHint} validationMessage={fieldErrors.reason}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
      )}
    </DialogForm>
  );
}
