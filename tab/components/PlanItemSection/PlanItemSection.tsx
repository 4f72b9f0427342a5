// The frame both a goal's milestones and its activities use: a heading with an "add" button,
// then the items, or a line saying there are none yet.
import { Body1Strong, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

export const usePlanItemStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: { flex: '1 1 auto', minWidth: 0, display: 'flex', flexDirection: 'column' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground2,
  },
  // Fluent greys an unchecked label; in a to-do list the open items are the ones to read.
  label: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  none: { color: tokens.colorNeutralForeground2 },
  itemActions: { display: 'flex', flexShrink: 0 },
});

interface PlanItemSectionProps {
  heading: string;
  /** The "add" dialog with its trigger; absent when the goal takes no new items (`goal.can`). */
  addDialog?: ReactNode;
  emptyText: string;
  children: ReactNode[];
}

export function PlanItemSection({ heading, addDialog, emptyText, children }: PlanItemSectionProps) {
  const styles = usePlanItemStyles();
  const headingId = useId();
  return (
    // A group, not a region: every goal has one of each, and landmarks must be few and unique.
    <div role="group" className={styles.section} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Body1Strong as="h6" id={headingId}>
          {heading}
        </Body1Strong>
        {addDialog}
      </div>
      {children.length === 0 ? (
        <Text size={200} className={styles.none}>
          {emptyText}
        </Text>
      ) : (
        <ul className={styles.list}>{children}</ul>
      )}
    </div>
  );
}
