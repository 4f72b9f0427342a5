import { Dialog, DialogSurface, DialogTrigger, makeStyles } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { GoalView } from '../../../shared/api';
import { GoalForm } from './GoalForm';

const useStyles = makeStyles({ surface: { maxWidth: '720px' } });

export interface GoalDialogProps {
  /** The goal to edit; without it the dialog adds a new goal. */
  goal?: GoalView;
  /** The button that opens the dialog; focus returns to it on close. */
  trigger: ReactElement;
}

export function GoalDialog({ goal, trigger }: GoalDialogProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface className={styles.surface}>
        {/* Mounted only while open, so each opening starts from the goal as it is now. */}
        {open && <GoalForm goal={goal} onDone={() => setOpen(false)} />}
      </DialogSurface>
    </Dialog>
  );
}
