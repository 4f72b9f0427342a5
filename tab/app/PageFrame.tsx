import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  frame: {
    boxSizing: 'border-box',
    maxWidth: '1040px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  },
});

/** Page titles shrink on a phone so that a word is not broken across lines. */
export const usePageTitleStyles = makeStyles({
  title: {
    '@media (max-width: 480px)': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  },
});

/** The page's width and margins: centred on wide screens, edge to edge at 320 px. */
export function PageFrame({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <main className={styles.frame}>{children}</main>;
}
