// The goal form, in SMART order. Errors show next to their field: from the shared zod schemas when
// a field is left or the form is sent, and from the server's `issues` when it still refuses.
import {
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { GoalView, Versioned } from '../../../shared/api';
import type { EditableGoalField, Goal } from '../../../shared/goal';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useDialogFormStyles } from '../../forms/useDialogFormStyles';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { GoalFormFields } from './GoalFormFields';
import { emptyGoalForm, goalToForm, validateCreate, validatePatch, type GoalFormValues } from './goalFormModel';
import { FormDialogActions } from '../../forms/FormDialogActions';

export interface GoalFormProps {
  goal?: GoalView;
  onDone: () => void;
}

export function GoalForm({ goal, onDone }: GoalFormProps) {
  const styles = useDialogFormStyles();
  const api = useApi();
  const { plan, pairId, reload } = usePlanContext();
  // The version being edited; a conflict replaces it with the one stored now.
  const [base, setBase] = useState<Versioned<Goal> | undefined>(goal && { value: goal.value, etag: goal.etag });
  const [values, setValues] = useState<GoalFormValues>(() => (goal ? goalToForm(goal.value) : emptyGoalForm()));
  const [reason, setReason] = useState('');
  const { busy, fieldErrors, notice, run, reject, setFieldError } = useSubmit();

  const validate = (v: GoalFormValues, r: string) => (base ? validatePatch(base.value, v, r, plan.today) : validateCreate(v, plan.today));

  /** Re-checks the field just left or changed, and any field already showing a message. */
  function recheck(v: GoalFormValues, r: string, field: string, always: boolean) {
    const result = validate(v, r);
    const errors = result.ok ? {} : result.errors;
    const fields = new Set(Object.keys(fieldErrors).filter((f) => f !== ''));
    if (always || fieldErrors[field]) fields.add(field);
    for (const f of fields) setFieldError(f, errors[f]);
  }

  const onChange = (field: EditableGoalField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    recheck(next, reason, field, false);
  };
  const onBlur = (field: EditableGoalField) => recheck(values, reason, field, true);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    let send: () => Promise<unknown>;
    if (base) {
      const patch = validatePatch(base.value, values, reason, plan.today);
      if (!patch.ok) return reject(patch.errors, form);
      send = () => call(api, routes.updateGoal, { params: { pairId, goalId: base.value.id }, body: patch.value, etag: base.etag });
    } else {
      const input = validateCreate(values, plan.today);
      if (!input.ok) return reject(input.errors, form);
      send = () => call(api, routes.createGoal, { params: { pairId }, body: input.value });
    }
    const done = await run(
      async () => {
        await send();
        await reload();
      },
      {
        form,
        onConflict: base && ((error) => {
          const current = error.current as Versioned<Goal> | undefined;
          if (current) {
            setBase(current);
            setValues(goalToForm(current.value));
          }
          void reload();
        }),
      },
    );
    if (done) onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{base ? strings.goalForm.editTitle : strings.goalForm.createTitle}</DialogTitle>
        <DialogContent className={mergeClasses(styles.content, styles.roomy)}>
          <FormNoticeBar notice={notice} />
          <GoalFormFields
            values={values}
            errors={fieldErrors}
            priorities={plan.program.priorities}
            today={plan.today}
            onChange={onChange}
            onBlur={onBlur}
          />
          {base && (
            <Field label={strings.goalForm.reason} hint={strings.goalForm.reasonHint} validationMessage={fieldErrors.reason}>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
            </Field>
          )}
        </DialogContent>
        <FormDialogActions busy={busy} submitLabel={busy ? strings.goalForm.saving : base ? strings.goalForm.save : strings.goalForm.create} />
      </DialogBody>
    </form>
  );
}
