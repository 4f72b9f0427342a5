// Add or edit a milestone: a title and a due date, checked with the shared schemas before sending.
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import { milestoneCreateInput, milestonePatchInput, type GoalView, type MilestoneView, type Versioned } from '../../../shared/api';
import { isPastDate, pastDateMessage } from '../../../shared/dueDate';
import type { Milestone } from '../../../shared/milestone';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { zodFieldErrors, type FieldErrors } from '../../forms/fieldErrors';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useDialogFormStyles } from '../../forms/useDialogFormStyles';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { FormDialogActions } from '../../forms/FormDialogActions';

export interface MilestoneDialogProps {
  goal: GoalView;
  /** The milestone to edit; without it the dialog adds one. */
  milestone?: MilestoneView;
  trigger: ReactElement;
}

export function MilestoneDialog({ goal, milestone, trigger }: MilestoneDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>{open && <MilestoneForm goal={goal} milestone={milestone} onDone={() => setOpen(false)} />}</DialogSurface>
    </Dialog>
  );
}

function MilestoneForm({ goal, milestone, onDone }: { goal: GoalView; milestone?: MilestoneView; onDone: () => void }) {
  const styles = useDialogFormStyles();
  const api = useApi();
  const { pairId, plan, reload } = usePlanContext();
  const [base, setBase] = useState<Versioned<Milestone> | undefined>(milestone && { value: milestone.value, etag: milestone.etag });
  const [title, setTitle] = useState(base?.value.title ?? '');
  const [dueDate, setDueDate] = useState(base?.value.dueDate ?? '');
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const s = strings.milestones;
  const ref = { pairId, goalId: goal.value.id };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const pastError: FieldErrors =
      dueDate && dueDate !== base?.value.dueDate && isPastDate(dueDate, plan.today) ? { dueDate: pastDateMessage(s.dueDateWhat) } : {};
    let send: () => Promise<unknown>;
    if (base) {
      const patch: Record<string, unknown> = {};
      if (title.trim() !== base.value.title) patch.title = title;
      if (dueDate !== base.value.dueDate) patch.dueDate = dueDate;
      if (Object.keys(patch).length === 0) return reject({ '': strings.goalForm.nothingChanged }, form);
      const parsed = milestonePatchInput.safeParse(patch);
      if (!parsed.success || pastError.dueDate) return reject({ ...pastError, ...(parsed.success ? {} : zodFieldErrors(parsed.error)) }, form);
      send = () => call(api, routes.updateMilestone, { params: { ...ref, milestoneId: base.value.id }, body: parsed.data, etag: base.etag });
    } else {
      const parsed = milestoneCreateInput.safeParse({ title, dueDate });
      if (!parsed.success || pastError.dueDate) return reject({ ...pastError, ...(parsed.success ? {} : zodFieldErrors(parsed.error)) }, form);
      send = () => call(api, routes.createMilestone, { params: ref, body: parsed.data });
    }
    const done = await run(
      async () => {
        await send();
        await reload();
      },
      {
        form,
        onConflict: base && ((error) => {
          const current = error.current as Versioned<Milestone> | undefined;
          if (current) {
            setBase(current);
            setTitle(current.value.title);
            setDueDate(current.value.dueDate);
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
        <DialogTitle>{base ? s.editTitle : s.addTitle}</DialogTitle>
        <DialogContent className={styles.content}>
          <FormNoticeBar notice={notice} />
          <Field label={s.title} required validationMessage={fieldErrors.title}>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} />
          </Field>
          <Field label={s.dueDate} required validationMessage={fieldErrors.dueDate}>
            <Input type="date" min={plan.today} value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
          </Field>
        </DialogContent>
        <FormDialogActions busy={busy} submitLabel={base ? strings.common.save : s.add} />
      </DialogBody>
    </form>
  );
}
