// The footer every form dialog shares: Cancel closes the dialog, the primary button submits the form.
import { Button, DialogActions, DialogTrigger } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { strings } from '../strings';

export function FormDialogActions({ busy, submitLabel }: { busy: boolean; submitLabel: ReactNode }) {
  return (
    <DialogActions>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">{strings.common.cancel}</Button>
      </DialogTrigger>
      <Button appearance="primary" type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </DialogActions>
  );
}
