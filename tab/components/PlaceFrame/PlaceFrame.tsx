// The opening every place of a plan shares (Checkpoints, Journal, Renewal): a region named by its
// level-3 heading, a line under it saying what the place is for, then the place's content in a column.
import { Caption1, MessageBar, MessageBarBody, Subtitle1, makeStyles, tokens, type MessageBarProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** The column a place lays its parts out in, and the muted text of its captions. */
export const usePlaceStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  place: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface PlaceFrameProps {
  /** Names the heading's element: `{id}-heading`. */
  id: string;
  heading: string;
  intro?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function PlaceFrame({ id, heading, intro, testId, children }: PlaceFrameProps) {
  const styles = usePlaceStyles();
  return (
    <section className={styles.place} aria-labelledby={`${id}-heading`} data-testid={testId}>
      <div>
        <Subtitle1 as="h3" block id={`${id}-heading`}>
          {heading}
        </Subtitle1>
        {intro && (
          <Caption1 as="p" block className={styles.meta}>
            {intro}
          </Caption1>
        )}
      </div>
      {children}
    </section>
  );
}

/** A line a place shows about what just happened or where the pair stands (an error is an alert when asked). */
export function PlaceNotice({ intent, role, children }: { intent: MessageBarProps['intent']; role?: 'alert'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} role={role}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
