// The mentee asks for 360 feedback on one active goal: behaviors to rate, people to ask, a close
// date and whether answers are anonymous. Checked with the shared schema before sending; the
// server's `issues` land next to the same fields.
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { FeedbackRequestCreated } from '../../../shared/api';
import { earliestCloseDate } from '../../../shared/feedback/feedbackDraft';
import { ANONYMITY_THRESHOLD } from '../../../shared/feedback/feedbackRequest';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { FormDialogActions } from '../../forms/FormDialogActions';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useDialogFormStyles } from '../../forms/useDialogFormStyles';
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
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface className={styles.surface}>
        {open && (
          <FeedbackRequestForm
            onCreated={(created) => {
              setOpen(false);
              onCreated(created);
            }}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

/** 128 random bits as hex (getRandomValues works outside secure contexts too, unlike randomUUID). */
const newSubmissionId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function FeedbackRequestForm({ onCreated }: { onCreated: (created: FeedbackRequestCreated) => void }) {
  const styles = useStyles();
  const formStyles = useDialogFormStyles();
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
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
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{s.title}</DialogTitle>
        <DialogContent className={mergeClasses(formStyles.content, formStyles.roomy)}>
          <FormNoticeBar notice={notice} />
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
        </DialogContent>
        <FormDialogActions busy={busy} submitLabel={busy ? s.sending : s.send} />
      </DialogBody>
    </form>
  );
}
