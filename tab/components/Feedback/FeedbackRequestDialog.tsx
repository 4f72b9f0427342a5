// The mentee asks for 360 feedback on one active goal: behaviors to rate, people to ask, a close
// date and whether answers are anonymous. Checked with the shared schema before sending; the
// server's `issues` land next to the same fields.
import { Field, Input, Select, Switch, makeStyles } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { FeedbackRequestCreated } from '../../../shared/api';
import { earliestCloseDate } from '../../../shared/feedback/feedbackDraft';
import { ANONYMITY_THRESHOLD } from '../../../shared/feedback/feedbackRequest';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { DialogForm, FormDialog } from '../../forms/DialogFrame';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { BehaviorListEditor } from './BehaviorListEditor';
import { activeGoals, behaviorsForGoal, initialValues, validateRequest, type FeedbackRequestFormValues } from './feedbackRequestFormModel';
import { RespondentPicker } from './RespondentPicker';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  date: { maxWidth: '240px' },
});

export interface FeedbackRequestDialogProps {
  trigger: ReactElement;
  onCreated: (created: FeedbackRequestCreated) => void;
}

export function FeedbackRequestDialog({ trigger, onCreated }: FeedbackRequestDialogProps) {
  const styles = useStyles();
  return (
    <FormDialog trigger={trigger} surfaceClassName={styles.surface}>
      {(close) => (
        <FeedbackRequestForm
          onCreated={(created) => {
            close();
            onCreated(created);
          }}
        />
      )}
    </FormDialog>
  );
}

/** 128 random bits as hex (getRandomValues works outside secure contexts too, unlike randomUUID). */
const newSubmissionId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function FeedbackRequestForm({ onCreated }: { onCreated: (created: FeedbackRequestCreated) => void }) {
  const styles = useStyles();
  const api = useApi();
  const { pairId, plan } = usePlanContext();
  const [values, setValues] = useState<FeedbackRequestFormValues>(() => initialValues(plan));
  // One id per opening of the dialog: sending again after a lost answer finds the request already stored.
  const [submissionId] = useState(newSubmissionId);
  const { busy, fieldErrors, notice, run, reject, setFieldError } = useSubmit();
  const s = strings.feedback.form;

  const change = (patch: Partial<FeedbackRequestFormValues>, fields: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    // A field the person just changed no longer shows the message about its old value.
    for (const key of Object.keys(fieldErrors)) {
      if (fields.some((f) => key === f || key.startsWith(`${f}.`))) setFieldError(key, undefined);
    }
  };

  async function submit(form: HTMLFormElement) {
    const input = validateRequest(values, plan.today);
    if (!input.ok) return reject(input.errors, form);
    let created: FeedbackRequestCreated | undefined;
    const done = await run(
      async () => {
        created = await call(api, routes.createFeedbackRequest, { params: { pairId }, body: { ...input.value, submissionId } });
      },
      { form },
    );
    if (done && created) onCreated(created);
  }

  return (
    <DialogForm title={s.title} notice={notice} busy={busy} submitLabel={busy ? s.sending : s.send} onSubmit={submit} roomy>
      <Field label={s.goal} required validationMessage={fieldErrors.goalId}>
        <Select
          value={values.goalId}
          onChange={(_, d) => change({ goalId: d.value, behaviors: behaviorsForGoal(plan, d.value) }, ['goalId', 'behaviors'])}
        >
          {activeGoals(plan).map((g) => (
            <option key={g.value.id} value={g.value.id}>
              {g.value.title}
            </option>
          ))}
        </Select>
      </Field>
      <BehaviorListEditor
        behaviors={values.behaviors}
        errors={fieldErrors}
        onChange={(behaviors) => change({ behaviors }, ['behaviors'])}
      />
      <RespondentPicker
        respondents={values.respondents}
        askerId={plan.mentee.id}
        errors={fieldErrors}
        onChange={(respondents) => change({ respondents }, ['respondents'])}
      />
      <Field className={styles.date} label={s.closesOn} hint={s.closesOnHint} required validationMessage={fieldErrors.closesOn}>
        <Input
          type="date"
          min={earliestCloseDate(plan.today)}
          value={values.closesOn}
          onChange={(_, d) => change({ closesOn: d.value }, ['closesOn'])}
        />
      </Field>
      <Field hint={s.anonymousHint(ANONYMITY_THRESHOLD)} validationMessage={fieldErrors.anonymous}>
        <Switch label={s.anonymous} checked={values.anonymous} onChange={(_, d) => change({ anonymous: d.checked }, ['anonymous'])} />
      </Field>
    </DialogForm>
  );
}
