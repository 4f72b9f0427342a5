// How often each rating was given, 5 at the top, as bars. Screen readers get the same counts as one
// sentence: the bars are an image with a text alternative.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { RatingDistribution as Distribution } from '../../../shared/feedback/feedbackResults';
import { strings } from '../../strings';

const useStyles = makeStyles({
  chart: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr) max-content',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  track: {
    height: '8px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: 'hidden',
    // Forced colours drop background colours: keep the track's outline and the bar's fill visible.
    '@media (forced-colors: active)': { border: '1px solid CanvasText' },
  },
  bar: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', forcedColorAdjust: 'none' },
  },
  row: { display: 'contents' },
  count: { textAlign: 'end', minWidth: '1.5em' },
});

const RATINGS_TOP_DOWN = [5, 4, 3, 2, 1] as const;

export function RatingDistribution({ behavior, distribution }: { behavior: string; distribution: Distribution }) {
  const styles = useStyles();
  const countOf = (rating: number) => distribution[rating - 1] ?? 0;
  const most = Math.max(1, ...distribution);
  const label = strings.feedback.results.distribution(
    behavior,
    RATINGS_TOP_DOWN.map((r) => strings.feedback.results.distributionCount(r, countOf(r))).join(', '),
  );
  return (
    <div className={styles.chart} role="img" aria-label={label}>
      {RATINGS_TOP_DOWN.map((rating) => (
        <div key={rating} className={styles.row}>
          <span>{rating}</span>
          <div className={styles.track}>
            <div className={styles.bar} style={{ width: `${(countOf(rating) / most) * 100}%` }} />
          </div>
          <span className={styles.count}>{countOf(rating)}</span>
        </div>
      ))}
    </div>
  );
}
