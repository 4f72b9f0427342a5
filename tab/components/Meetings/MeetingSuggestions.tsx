// A few times for the pair's next meeting, inside both people's working hours, each opening a Teams
// meeting draft with both of them, a subject and an agenda (shared/meetings decides all of that).
import { Button, Caption1, Card, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { meetingSuggestions } from '../../../shared/meetings/meetingSuggestions';
import { initializedTeamsJs } from '../../app/teamsJs';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  intro: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  when: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  theirs: { color: tokens.colorNeutralForeground2 },
});

const timeIn = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));

/** Inside Teams a deep link must go through teams-js; in a browser it opens in a new tab. */
function openDraft(url: string): void {
  const teams = initializedTeamsJs();
  if (teams) void teams.app.openLink(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}

export function MeetingSuggestions({ blockers = [] }: { blockers?: string[] }) {
  const styles = useStyles();
  const { plan } = usePlanContext();
  const agreement = plan.pair.value.agreement;
  const other = plan.viewerRole === 'mentee' ? plan.mentor : plan.mentee;
  const otherZone = plan.viewerRole === 'mentee' ? agreement.mentor.timeZone : agreement.mentee.timeZone;
  const suggestions = useMemo(
    () =>
      meetingSuggestions({
        agreement,
        mentor: plan.mentor,
        mentee: plan.mentee,
        goals: plan.goals.map((g) => g.value),
        blockers,
        now: new Date(),
        today: plan.today,
      }),
    [agreement, plan, blockers],
  );

  return (
    <Card aria-labelledby="meetings-heading">
      <div className={styles.header}>
        <Subtitle1 as="h3" id="meetings-heading">
          {strings.meetings.heading}
        </Subtitle1>
        <Caption1 className={styles.intro}>{strings.meetings.intro(agreement.meetingLengthMinutes)}</Caption1>
      </div>
      {suggestions.length === 0 ? (
        <Text>{strings.meetings.none}</Text>
      ) : (
        <ul className={styles.list}>
          {suggestions.map((s) => {
            const mine = timeIn(s.start);
            return (
              <li key={s.start} className={styles.item}>
                <div className={styles.when}>
                  <Text weight="semibold">{mine}</Text>
                  <Caption1 className={styles.theirs}>{strings.meetings.theirTime(other.displayName, timeIn(s.start, otherZone))}</Caption1>
                </div>
                <Button icon={<CalendarAddRegular />} aria-label={strings.meetings.openFor(mine)} onClick={() => openDraft(s.draftLink)}>
                  {strings.meetings.open}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
