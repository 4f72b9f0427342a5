// Which SMART letters a goal has, and for each missing one what to add. The gaps are computed by
// the server (shared/smart.ts); this only shows them.
import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SmartGap, SmartLetter } from '../../../shared/smart';
import { smartLetterName } from '../../../shared/smart';
import { strings } from '../../strings';

const letters: SmartLetter[] = ['S', 'M', 'A', 'R', 'T'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  letter: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    boxSizing: 'border-box',
  },
  present: {
    backgroundColor: tokens.colorPaletteGreenBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder2}`,
  },
  missing: {
    color: tokens.colorPaletteMarigoldForeground2,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteMarigoldBorder2}`,
  },
  score: { marginInlineStart: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  gaps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  gapName: { fontWeight: tokens.fontWeightSemibold },
});

export function SmartIndicator({ gaps }: { gaps: SmartGap[] }) {
  const styles = useStyles();
  const missing = new Set(gaps.map((g) => g.letter));
  const present = letters.length - missing.size;
  return (
    <div className={styles.root}>
      <div className={styles.row} role="group" aria-label={strings.smart.groupLabel}>
        {letters.map((letter) => {
          const name = smartLetterName[letter];
          const has = !missing.has(letter);
          return (
            <span
              key={letter}
              role="img"
              aria-label={has ? strings.smart.present(name) : strings.smart.missing(name)}
              title={has ? strings.smart.present(name) : strings.smart.missing(name)}
              className={mergeClasses(styles.letter, has ? styles.present : styles.missing)}
            >
              {letter}
            </span>
          );
        })}
        <Caption1 className={styles.score}>{missing.size === 0 ? strings.smart.complete : strings.smart.score(present)}</Caption1>
      </div>
      {gaps.length > 0 && (
        <ul className={styles.gaps} aria-label={strings.smart.gapsLabel}>
          {gaps.map((gap) => (
            <li key={gap.letter}>
              <Text size={200}>
                <span className={styles.gapName}>{`${gap.letter} · ${smartLetterName[gap.letter]}: `}</span>
                {gap.reason}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
