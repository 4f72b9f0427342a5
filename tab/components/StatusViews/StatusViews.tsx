// The three states every loaded view has besides "ready": loading, failed (with a retry) and empty,
// and the notice a view shows after something happened, which the person dismisses.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { strings } from '../../strings';

const useStyles = makeStyles({
  loading: { padding: tokens.spacingVerticalXXL },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL + ' ' + tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
});

export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return <Spinner className={styles.loading} label={label} labelPosition="below" />;
}

export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry?: () => void;
  /** Extra actions beside "Try again", e.g. "Switch person". */
  actions?: ReactNode;
}

export function ErrorState({ title, message, onRetry, actions }: ErrorStateProps) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {(onRetry || actions) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>{strings.common.retry}</Button>}
          {actions}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export interface EmptyStateProps {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  /** The title's heading level where the empty state sits. */
  headingLevel?: 'h2' | 'h3' | 'h4';
}

export function EmptyState({ title, children, action, headingLevel = 'h2' }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Subtitle2 as={headingLevel}>{title}</Subtitle2>
      <Text>{children}</Text>
      {action}
    </div>
  );
}

export interface Notice {
  intent: 'error' | 'warning' | 'success';
  title: string;
  message: ReactNode;
}

/** What just happened (saved, refused, changed by someone else), until the person dismisses it. */
export function DismissibleNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" icon={<DismissRegular />} aria-label={strings.common.dismiss} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
