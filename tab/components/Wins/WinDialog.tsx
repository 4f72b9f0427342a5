// Record a win from the plan page: what happened, the goal it moves forward, and (for the mentee)
// whether the program's weekly digest may show it.
import { Field, Select, Switch, Textarea } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { WIN_TEXT_MAX, winInput } from '../../../shared/recognition/win';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { DialogForm, FormDialog } from '../../forms/DialogFrame';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { GoalOptions } from '../Goal/GoalOptions';

export function WinDialog({ trigger, onAdded }: { trigger: ReactElement; onAdded: () => Promise<void> }) {
  return <FormDialog trigger={trigger}>{(close) => <WinForm onDone={close} onAdded={onAdded} />}</FormDialog>;
}

function WinForm({ onDone, onAdded }: { onDone: () => void; onAdded: () => Promise<void> }) {
  const api = useApi();
  const { pairId, plan } = usePlanContext();
  const [values, setValues] = useState({ text: '', goalId: '', shareInDigest: false });
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const s = strings.wins;
  const mine = plan.viewerRole === 'mentee';

  async function submit(form: HTMLFormElement) {
    const parsed = winInput.safeParse({
      text: values.text,
      goalId: values.goalId || undefined,
      shareInDigest: mine && values.shareInDigest,
    });
    if (!parsed.success) return reject(zodFieldErrors(parsed.error), form);
    const done = await run(
      async () => {
        await call(api, routes.createWin, { params: { pairId }, body: parsed.data });
        await onAdded();
      },
      { form },
    );
    if (done) onDone();
  }

  return (
    <DialogForm title={s.addTitle} notice={notice} busy={busy} submitLabel={s.save} onSubmit={submit}>
      <Field label={s.text} hint={s.textHint} required validationMessage={fieldErrors.text}>
        <Textarea
          value={values.text}
          maxLength={WIN_TEXT_MAX}
          resize="vertical"
          onChange={(_, d) => setValues((v) => ({ ...v, text: d.value }))}
        />
      </Field>
      <Field label={s.goal} validationMessage={fieldErrors.goalId}>
        <Select value={values.goalId} onChange={(_, d) => setValues((v) => ({ ...v, goalId: d.value }))}>
          <GoalOptions goals={plan.goals} none={s.noGoal} />
        </Select>
      </Field>
      {mine && (
        <Field hint={s.shareHint} validationMessage={fieldErrors.shareInDigest}>
          <Switch
            label={s.share}
            checked={values.shareInDigest}
            onChange={(_, d) => setValues((v) => ({ ...v, shareInDigest: d.checked }))}
          />
        </Field>
      )}
    </DialogForm>
  );
}
