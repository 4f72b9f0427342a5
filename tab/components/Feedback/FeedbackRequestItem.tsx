// One request in the plan's feedback section: when it was asked, whether it still takes answers,
// whether it is anonymous, how many answered, who was asked; its results open in place.
import { Badge, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useId, useState } from 'react';
import type { FeedbackRequestView } from '../../../shared/api';
import { acceptsResponses } from '../../../shared/feedback/feedbackRequest';
import { formatDate, formatInstantDate } from '../../format';
import { locale, strings } from '../../strings';
import { LoadingState } from '../StatusViews/StatusViews';

// Results download when a person first opens them.
const FeedbackResultsView = lazy(() => import('./FeedbackResultsView').then((m) => ({ default: m.FeedbackResultsView })));

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  toggle: { alignSelf: 'flex-start' },
});

const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });

export function FeedbackRequestItem({ request }: { request: FeedbackRequestView }) {
  const styles = useStyles();
  const f = strings.feedback;
  const headingId = useId();
  const resultsId = useId();
  const [open, setOpen] = useState(false);
  const { value, results, goalTitle } = request;
  const requestedOn = formatInstantDate(value.createdAt);
  // Past its close date a request takes no answers, even before the scheduler marks it closed.
  const takesAnswers = acceptsResponses(value, new Date());
  const asked = listFormat.format(value.respondents.map((r) => f.askedPerson(r.displayName, f.relation[r.relation])));

  return (
    <li className={styles.item} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h5" id={headingId} className={styles.heading}>
          {f.requestedOn(requestedOn)}
        </Subtitle2>
        <div className={styles.badges}>
          {takesAnswers ? (
            <Badge appearance="tint" color="brand">
              {f.openUntil(formatDate(value.closesOn))}
            </Badge>
          ) : (
            <Badge appearance="tint" color="subtle">
              {f.closed}
            </Badge>
          )}
          <Badge appearance="outline" color={value.anonymous ? 'important' : 'informative'}>
            {value.anonymous ? f.anonymous : f.named}
          </Badge>
          <Badge appearance="tint" color={results.responseCount > 0 ? 'success' : 'subtle'}>
            {f.answered(results.responseCount, results.respondentCount)}
          </Badge>
        </div>
      </div>
      <Caption1 className={styles.meta}>{f.asked(asked)}</Caption1>
      <Button
        className={styles.toggle}
        appearance="secondary"
        icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />}
        iconPosition="after"
        aria-expanded={open}
        aria-controls={open ? resultsId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? f.hideResults : f.showResults}
      </Button>
      {open && (
        <div id={resultsId}>
          <Suspense fallback={<LoadingState label={strings.app.loadingPart} />}>
            <FeedbackResultsView results={results} label={f.results.label(goalTitle, requestedOn)} />
          </Suspense>
        </div>
      )}
    </li>
  );
}
