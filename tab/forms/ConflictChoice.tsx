// Beside a field that both saves changed: both values, and a choice between them. The field keeps
// the typed value until the person chooses.
import { Button, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { FieldClash } from '../../shared/conflicts';
import { strings } from '../strings';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  values: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ConflictChoiceProps {
  label: string;
  clash: FieldClash<string, string>;
  /** Who saved the other value: "Saved by Priya Raman", "Saved in your other window". */
  theirsLabel: string;
  /** How a raw value reads, e.g. a priority's name for its id. */
  display?: (value: string) => string;
  onChoose: (side: 'mine' | 'theirs') => void;
}

export function ConflictChoice({ label, clash, theirsLabel, display, onChoose }: ConflictChoiceProps) {
  const styles = useStyles();
  const show = (value: string) => (display ? display(value) : value).trim() || strings.common.empty;
  const c = strings.conflicts;
  return (
    <div role="group" aria-label={c.choiceLabel(label)} className={styles.box}>
      <dl className={styles.values}>
        <div>
          <dt>
            <Caption1Strong>{c.yours}</Caption1Strong>
          </dt>
          <dd className={styles.value}>{show(clash.mine)}</dd>
        </div>
        <div>
          <dt>
            <Caption1Strong>{theirsLabel}</Caption1Strong>
          </dt>
          <dd className={styles.value}>{show(clash.theirs)}</dd>
        </div>
      </dl>
      <div className={styles.actions}>
        <Button size="small" onClick={() => onChoose('mine')}>
          {c.keepMine}
        </Button>
        <Button size="small" onClick={() => onChoose('theirs')}>
          {c.useTheirs}
        </Button>
      </div>
    </div>
  );
}
