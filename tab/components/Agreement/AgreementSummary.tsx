// The written agreement both people accept at the start: roles, cadence, channel, style,
// boundaries, confidentiality, time, and each person's time zone and working hours.
import { Badge, Button, Caption1, Card, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { preferredChannelLabel, type Agreement } from '../../../shared/mentorship';
import type { PersonSummary } from '../../../shared/person';
import { cadenceLabel } from '../../../shared/program';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { formatInstantDate, formatNumber, formatWeekdays } from '../../format';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { usePlanMutation } from '../PlanPage/usePlanMutation';
import { RepairRequestDialog } from '../../app/lazyParts';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  valueText: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  accept: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2, flex: '1 1 240px' },
});

function availabilityText(a: Agreement['mentor']): string {
  const h = a.workingHours;
  return strings.agreement.workingHours(a.timeZone, formatWeekdays(h.days), h.start, h.end);
}

export function AgreementSummary() {
  const styles = useStyles();
  const api = useApi();
  const { plan, pairId } = usePlanContext();
  const { busy, mutate } = usePlanMutation();
  const s = strings.agreement;
  const pair = plan.pair.value;
  const a = pair.agreement;
  const [repairSent, setRepairSent] = useState(false);

  const acceptance = (who: string, person: PersonSummary, at: string | undefined) =>
    at ? s.acceptedOn(`${who} (${person.displayName})`, formatInstantDate(at)) : s.notAccepted(`${who} (${person.displayName})`);
  const mineAcceptedAt = plan.viewerRole === 'mentor' ? pair.acceptedByMentorAt : pair.acceptedByMenteeAt;
  const other = plan.viewerRole === 'mentor' ? plan.mentee : plan.mentor;
  const otherAcceptedAt = plan.viewerRole === 'mentor' ? pair.acceptedByMenteeAt : pair.acceptedByMentorAt;
  const status = plan.pair.accepted
    ? s.acceptedByBoth
    : !mineAcceptedAt && !otherAcceptedAt
      ? s.waitingForBoth
      : !mineAcceptedAt
        ? s.waitingForYou
        : s.waitingFor(other.displayName);

  const items: [string, string | string[]][] = [
    [s.roles, a.rolesAndResponsibilities],
    [s.cadence, s.cadenceValue(cadenceLabel[a.meetingCadence], a.meetingLengthMinutes)],
    [s.channel, preferredChannelLabel[a.preferredChannel]],
    [s.time, s.hoursPerMonth(formatNumber(a.hoursPerMonth))],
    [s.style, a.style || strings.common.notSet],
    [s.boundaries, a.boundaries || strings.common.notSet],
    [s.confidentiality, a.confidentiality || strings.common.notSet],
    [s.availability(s.mentor, plan.mentor.displayName), availabilityText(a.mentor)],
    [s.availability(s.mentee, plan.mentee.displayName), availabilityText(a.mentee)],
    [
      s.acceptance,
      [acceptance(s.mentor, plan.mentor, pair.acceptedByMentorAt), acceptance(s.mentee, plan.mentee, pair.acceptedByMenteeAt)],
    ],
  ];

  return (
    <Card role="region" aria-labelledby="agreement-heading">
      <div className={styles.header}>
        <Subtitle1 as="h3" id="agreement-heading">
          {s.heading}
        </Subtitle1>
        <Badge appearance="tint" color={plan.pair.accepted ? 'success' : 'warning'}>
          {status}
        </Badge>
      </div>
      <dl className={styles.list}>
        {items.map(([term, value]) => (
          <div key={term} className={styles.item}>
            <dt>
              <Caption1 className={styles.term}>{term}</Caption1>
            </dt>
            {(Array.isArray(value) ? value : [value]).map((line) => (
              <dd key={line} className={styles.value}>
                <Text className={styles.valueText}>{line}</Text>
              </dd>
            ))}
          </div>
        ))}
      </dl>
      {plan.can.acceptAgreement && (
        <div className={styles.accept}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void mutate(() => call(api, routes.acceptAgreement, { params: { pairId }, etag: plan.pair.etag }), s.acceptFailed)
            }
          >
            {s.accept}
          </Button>
          <Caption1 className={styles.hint}>{s.acceptHint}</Caption1>
        </div>
      )}
      {plan.can.editPlan && (
        <div className={styles.accept}>
          <RepairRequestDialog onSent={() => setRepairSent(true)} />
          {repairSent && (
            <MessageBar intent="success">
              <MessageBarBody>{strings.repair.sent}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </Card>
  );
}
