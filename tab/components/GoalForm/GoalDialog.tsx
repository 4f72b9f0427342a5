import { makeStyles } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { GoalView } from '../../../shared/api';
import { FormDialog } from '../../forms/DialogFrame';
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
  return (
    <FormDialog trigger={trigger} surfaceClassName={styles.surface}>
      {(close) => <GoalForm goal={goal} onDone={close} />}
    </FormDialog>
  );
}
