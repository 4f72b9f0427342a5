// The tab's two places: the person's own mentoring (plans, check-ins, feedback they asked for) and
// the feedback others asked of them. The second is for everyone signed in, in a pair or not. Buttons
// with aria-current, not tabs: the pairs of a person are tabs already, inside the first place.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../strings';

export type Section = 'mentoring' | 'askedOfMe' | 'program';

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const personal: Section[] = ['mentoring', 'askedOfMe'];

/** `manager`: the person manages a program, so the Program place is offered too. */
export function SectionNav({
  selected,
  onSelect,
  manager,
}: {
  selected: Section;
  onSelect: (section: Section) => void;
  manager?: boolean;
}) {
  const sections = manager ? [...personal, 'program' as const] : personal;
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label={strings.sections.label}>
      {sections.map((section) => (
        <Button
          key={section}
          appearance={section === selected ? 'primary' : 'subtle'}
          aria-current={section === selected ? 'page' : undefined}
          onClick={() => onSelect(section)}
        >
          {strings.sections[section]}
        </Button>
      ))}
    </nav>
  );
}
