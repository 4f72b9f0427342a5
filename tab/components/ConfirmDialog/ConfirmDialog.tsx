// "Are you sure?" for changes that cannot be undone from the tab, such as deleting a milestone.
import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';
import { DialogActionBar } from '../../forms/DialogFrame';
import { strings } from '../../strings';

export interface ConfirmDialogProps {
  trigger: ReactElement;
  title: string;
  body: ReactNode;
  confirmLabel: ReactNode;
  /** Does the change; the dialog closes when it settles. */
  onConfirm: () => Promise<unknown>;
}

export function ConfirmDialog({ trigger, title, body, confirmLabel, onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    // A failure is reported on the plan (a conflict also reloads it), so the dialog closes either way.
    await onConfirm();
    setBusy(false);
    setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActionBar dismissLabel={strings.common.cancel}>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </DialogActionBar>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
