// The frame of a dialog that shows and acts rather than edits one form (the survey, "your data"):
// opened by its trigger, a title and an introduction, one notice (an error is an alert, anything
// else a status), the dialog's own content, and a footer with Close before the dialog's actions.
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
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import { strings } from '../strings';
import { useDialogFormStyles } from './useDialogFormStyles';

export interface DialogNotice {
  intent: 'success' | 'error' | 'info';
  text: string;
}

/** What a failed call says, as a notice's text. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

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
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{strings.common.close}</Button>
            </DialogTrigger>
            {actions}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
