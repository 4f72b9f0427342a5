// The frames of the tab's dialogs, with the one action bar they share (the button that dismisses the
// dialog, then the dialog's own actions):
// - DialogFrame, a dialog that shows and acts rather than edits one form (the survey, "your data"):
//   opened by its trigger, a title and an introduction, one notice (an error is an alert, anything
//   else a status), the dialog's own content, and Close before the dialog's actions.
// - FormDialog and DialogForm, a dialog that edits one form: mounted only while open, so each opening
//   starts afresh; the title, why the form was not saved (FormNoticeBar), the fields, then Cancel and
//   the submit button, off while the form is being sent.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { strings } from '../strings';
import { FormNoticeBar } from './FormNoticeBar';
import { useDialogFormStyles } from './useDialogFormStyles';
import type { FormNotice } from './useSubmit';

export interface DialogNotice {
  intent: 'success' | 'error' | 'info';
  text: string;
}

/** What a failed call says, as a notice's text. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A dialog's footer: the button that dismisses the dialog (Cancel or Close), then the dialog's own actions. */
export function DialogActionBar({ dismissLabel, children }: { dismissLabel: string; children?: ReactNode }) {
  return (
    <DialogActions>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">{dismissLabel}</Button>
      </DialogTrigger>
      {children}
    </DialogActions>
  );
}

export interface DialogFrameProps {
  trigger: ReactElement;
  title: string;
  intro: string;
  notice?: DialogNotice;
  /** Runs each time the dialog opens (to load what it shows). */
  onOpen?: () => void;
  /** Buttons after Close in the footer. */
  actions?: ReactNode;
  children?: ReactNode;
}

export function DialogFrame({ trigger, title, intro, notice, onOpen, actions, children }: DialogFrameProps) {
  const styles = useDialogFormStyles();
  return (
    <Dialog onOpenChange={(_, d) => d.open && onOpen?.()}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{intro}</Text>
            {notice && (
              <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
            {children}
          </DialogContent>
          <DialogActionBar dismissLabel={strings.common.close}>{actions}</DialogActionBar>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface FormDialogProps {
  /** The button that opens the dialog; focus returns to it on close. */
  trigger: ReactElement;
  surfaceClassName?: string;
  /** The form, given a way to close the dialog once it is done. */
  children: (close: () => void) => ReactNode;
}

/** A dialog holding one form, mounted only while open so each opening starts from the data as it is now. */
export function FormDialog({ trigger, surfaceClassName, children }: FormDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface className={surfaceClassName}>{open && children(() => setOpen(false))}</DialogSurface>
    </Dialog>
  );
}

export interface DialogFormProps {
  title: string;
  /** Why the form was not sent, or that someone else changed what it edits (useSubmit). */
  notice: FormNotice | undefined;
  /** While the form is being sent: the submit button is off. */
  busy: boolean;
  submitLabel: ReactNode;
  /** Sends the form; the form element is where the first invalid field gets focus. */
  onSubmit: (form: HTMLFormElement) => Promise<unknown> | void;
  /** More room between the fields, for a long form. */
  roomy?: boolean;
  children: ReactNode;
}

/** The body of a form dialog: title, notice, fields, and Cancel with the submit button. */
export function DialogForm({ title, notice, busy, submitLabel, onSubmit, roomy, children }: DialogFormProps) {
  const styles = useDialogFormStyles();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void onSubmit(e.currentTarget);
  };
  return (
    // The shared schemas check the fields (messages next to each), not the browser.
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={mergeClasses(styles.content, roomy && styles.roomy)}>
          <FormNoticeBar notice={notice} />
          {children}
        </DialogContent>
        <DialogActionBar dismissLabel={strings.common.cancel}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActionBar>
      </DialogBody>
    </form>
  );
}
