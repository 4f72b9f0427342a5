// Ask, privately, to be re-paired: the reason goes to the program's managers only (the other person
// of the pair never sees it). Offered beside the agreement while the pair is open.
import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { limits } from '../../../shared/limits';
import { repairRequestInput } from '../../../shared/matching/programRequests';
import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { FormDialogActions } from '../../forms/FormDialogActions';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useDialogFormStyles } from '../../forms/useDialogFormStyles';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';

export function RepairRequestDialog({ onSent }: { onSent: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle">{strings.repair.open}</Button>
      </DialogTrigger>
      <DialogSurface>
        {open && (
          <RepairRequestForm
            onDone={() => {
              setOpen(false);
              onSent();
            }}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function RepairRequestForm({ onDone }: { onDone: () => void }) {
  const styles = useDialogFormStyles();
  const api = useApi();
  const { pairId, plan } = usePlanContext();
  const [reason, setReason] = useState('');
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const s = strings.repair;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const parsed = repairRequestInput.safeParse({ reason });
    if (!parsed.success) return reject(zodFieldErrors(parsed.error), form);
    const done = await run(() => call(api, routes.askRepair, { params: { pairId }, body: parsed.data }).then(() => undefined), { form });
    if (done) onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{s.title}</DialogTitle>
        <DialogContent className={styles.content}>
          <FormNoticeBar notice={notice} />
          <Text>{s.intro(plan.program.name)}</Text>
          <Field label={s.reason} hint={s.reasonHint} required validationMessage={fieldErrors.reason}>
            <Textarea value={reason} maxLength={limits.longText} resize="vertical" onChange={(_, d) => setReason(d.value)} />
          </Field>
        </DialogContent>
        <FormDialogActions busy={busy} submitLabel={s.send} />
      </DialogBody>
    </form>
  );
}
