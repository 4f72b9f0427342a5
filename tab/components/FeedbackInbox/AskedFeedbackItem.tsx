// One request asked of the signed-in person: whose goal, which behaviors, until when, their own
// answer if they gave one, and (while it is open) the form to answer or change it, opened in place.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AskedFeedbackAnswered, AskedFeedbackView } from '../../../shared/api';
import { ANONYMITY_THRESHOLD } from '../../../shared/feedback/feedbackRequest';
import { formatDate, formatInstant } from '../../format';
import { strings } from '../../strings';
import { AnswerFeedbackForm } from './AnswerFeedbackForm';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  ratings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  toggle: { alignSelf: 'flex-start' },
});

export interface AskedFeedbackItemProps {
  request: AskedFeedbackView;
  /** Loads the list again after an answer was saved. */
  onChanged: () => Promise<void>;
}

export function AskedFeedbackItem({ request, onChanged }: AskedFeedbackItemProps) {
  const styles = useStyles();
  const s = strings.feedbackInbox;
  const headingId = useId();
  const formId = useId();
  const [answering, setAnswering] = useState(false);
  const [saved, setSaved] = useState<string>();
  const { answer } = request;

  function onSaved(answered: AskedFeedbackAnswered) {
    setAnswering(false);
    if (answered.outcome === 'duplicate') setSaved(s.unchanged);
    else setSaved(request.anonymous ? s.thanksAnonymous(request.menteeName) : s.thanks(request.menteeName));
    void onChanged();
  }

  return (
    <li className={styles.item} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h4" id={headingId} className={styles.heading}>
          {s.itemTitle(request.menteeName, request.goalTitle)}
        </Subtitle2>
        <Badge appearance="tint" color={answer ? 'success' : request.open ? 'warning' : 'subtle'}>
          {answer ? s.answered : s.notAnswered}
        </Badge>
      </div>
      <Caption1 className={styles.meta}>
        {s.askedAs(strings.feedback.relation[request.relation])} ·{' '}
        {request.open ? s.closesOn(formatDate(request.closesOn)) : s.closedOn(formatDate(request.closesOn))}
      </Caption1>
      {request.open && (
        <Caption1 className={styles.meta}>
          {request.anonymous ? s.anonymous(ANONYMITY_THRESHOLD) : s.attributed(request.menteeName)}
        </Caption1>
      )}
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      {answer && !answering && (
        <div>
          <Text weight="semibold">
            {answer.updatedAt ? s.changedOn(formatInstant(answer.updatedAt)) : s.answeredOn(formatInstant(answer.answeredAt))}
          </Text>
          <ul className={styles.ratings} aria-label={s.ratingsLabel}>
            {request.behaviors.map((b) => (
              <li key={b}>{s.ratingValue(b, answer.ratings[b] ?? 0)}</li>
            ))}
          </ul>
          <Text weight="semibold">{s.example}</Text>
          <Body1 as="p" className={styles.text}>
            {answer.example}
          </Body1>
          <Text weight="semibold">{s.suggestion}</Text>
          <Body1 as="p" className={styles.text}>
            {answer.suggestion}
          </Body1>
        </div>
      )}
      {!answer && !request.open && <Body1>{s.notAnsweredClosed}</Body1>}
      {request.open && !answering && (
        <Button
          className={styles.toggle}
          appearance={answer ? 'secondary' : 'primary'}
          onClick={() => {
            setSaved(undefined);
            setAnswering(true);
          }}
        >
          {answer ? s.change : s.answer}
        </Button>
      )}
      {request.open && answering && (
        <AnswerFeedbackForm id={formId} request={request} onSaved={onSaved} onCancel={() => setAnswering(false)} />
      )}
    </li>
  );
}
