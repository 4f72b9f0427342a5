// Ask, privately, to be re-paired: the reason goes to the program's managers only (the other person
// of the pair never sees it). Offered beside the agreement while the pair is open.
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { limits } from '../../../shared/limits';
import { repairRequestInput } from '../../../shared/matching/programRequests';
import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { DialogForm, FormDialog } from '../../forms/DialogFrame';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';

export function RepairRequestDialog({ onSent }: { onSent: () => void }) {
  return (
    <FormDialog trigger={<Button appearance="subtle">{strings.repair.open}</Button>}>
      {(close) => (
        <RepairRequestForm
          onDone={() => {
            close();
            onSent();
          }}
        />
      )}
    </FormDialog>
  );
}

function RepairRequestForm({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const { pairId, plan } = usePlanContext();
  const [reason, setReason] = useState('');
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const s = strings.repair;

  async function submit(form: HTMLFormElement) {
    const parsed = repairRequestInput.safeParse({ reason });
    if (!parsed.success) return reject(zodFieldErrors(parsed.error), form);
    const done = await run(() => call(api, routes.askRepair, { params: { pairId }, body: parsed.data }).then(() => undefined), { form });
    if (done) onDone();
  }

  return (
    <DialogForm title={s.title} notice={notice} busy={busy} submitLabel={s.send} onSubmit={submit}>
      <Text>{s.intro(plan.program.name)}</Text>
      <Field label={s.reason} hint={s.reasonHint} required validationMessage={fieldErrors.reason}>
        <Textarea value={reason} maxLength={limits.longText} resize="vertical" onChange={(_, d) => setReason(d.value)} />
      </Field>
    </DialogForm>
  );
}
