// The Renewal place of a plan: two weeks before the cycle ends, each open goal is carried over,
// completed or dropped (with a reason), the pair continues, asks for another mentor or closes, and
// the mentee may offer to mentor. Before then it says when the renewal opens; afterwards, what was decided.
import {
  Badge,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { routes } from '../../../shared/api/routes';
import type { GoalDecision, PairDecision } from '../../../shared/renewal/renewal';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { ApiError } from '../../api/client';
import { formatDate } from '../../format';
import { useResource } from '../../hooks/useResource';
import { usePlanContext } from '../PlanPage/PlanContext';
import { PlaceFrame, PlaceNotice, usePlaceStyles } from '../PlaceFrame/PlaceFrame';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { renewalStrings as s } from './renewalStrings';

const useStyles = makeStyles({
  goal: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Decision = GoalDecision['decision'];

export default function RenewalPlace() {
  const styles = { ...usePlaceStyles(), ...useStyles() };
  const api = useApi();
  const { pairId } = usePlanContext();
  const { state, reload } = useResource(pairId, () => call(api, routes.getRenewal, { params: { pairId } }));
  const [decisions, setDecisions] = useState<Record<string, { decision: Decision; reason: string }>>({});
  const [pair, setPair] = useState<PairDecision>('continue');
  const [pairReason, setPairReason] = useState('');
  const [strengths, setStrengths] = useState('');
  const [capacity, setCapacity] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  if (state.status === 'loading') return <LoadingState label={s.loading} />;
  if (state.status === 'error' && !state.data)
    return <ErrorState title={s.loadFailed} message={state.error.message} onRetry={() => void reload()} />;
  const view = state.data!;

  const decisionOf = (goalId: string) => decisions[goalId] ?? { decision: 'carry_over' as Decision, reason: '' };
  const setDecision = (goalId: string, change: Partial<{ decision: Decision; reason: string }>) =>
    setDecisions((d) => ({ ...d, [goalId]: { ...decisionOf(goalId), ...change } }));

  async function submit() {
    setSaving(true);
    setError(undefined);
    const offered = strengths
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    try {
      await call(api, routes.decideRenewal, {
        params: { pairId },
        etag: view.pair.etag,
        body: {
          goals: view.goals.map((g) => {
            const d = decisionOf(g.id);
            // A drop always sends its reason, so an empty one is refused with the sentence that asks for it.
            const reason = d.reason.trim();
            return { goalId: g.id, decision: d.decision, ...(reason || d.decision === 'drop' ? { reason } : {}) } as GoalDecision;
          }),
          pair,
          ...(pairReason.trim() ? { pairReason: pairReason.trim() } : {}),
          ...(offered.length > 0 ? { mentorOffer: { strengths: offered, capacity: Number(capacity) || 1 } } : {}),
        },
      });
      await reload();
    } catch (e) {
      // A refused field says what to fix; otherwise the answer's own sentence.
      setError(e instanceof ApiError ? [...new Set([e.message, ...e.issues.map((i) => i.message)])].join(' ') : s.failed);
    } finally {
      setSaving(false);
    }
  }

  return (
    <PlaceFrame id="renewal" heading={s.heading} intro={s.cycleEnds(formatDate(view.cycleEnd))} testId="renewal-place">
      {view.pair.status === 'ended' && <PlaceNotice intent="info">{s.ended}</PlaceNotice>}
      {view.decided && <Text role="status">{s.decided[view.decided.pair]}</Text>}
      {!view.open && !view.decided && view.pair.status !== 'ended' && <Text>{s.opensOn(formatDate(view.opensOn))}</Text>}
      {view.open && (
        <form
          className={styles.column}
          aria-label={s.heading}
          // The API says what is missing, in the app's words: the browser's own check would stop the form first.
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {view.goals.map((g) => {
            const d = decisionOf(g.id);
            return (
              <Card key={g.id} className={styles.goal}>
                <div className={styles.title}>
                  <Text weight="semibold">{g.title}</Text>
                  {g.needsPriority && <Badge color="warning">{s.needsPriority}</Badge>}
                </div>
                <Field label={s.decisionLabel(g.title)}>
                  <Select value={d.decision} onChange={(_, data) => setDecision(g.id, { decision: data.value as Decision })}>
                    <option value="carry_over">{s.decision.carry_over}</option>
                    <option value="complete">{s.decision.complete}</option>
                    <option value="drop">{s.decision.drop}</option>
                  </Select>
                </Field>
                <Field label={s.reasonLabel(g.title)} required={d.decision === 'drop'}>
                  <Input value={d.reason} onChange={(_, data) => setDecision(g.id, { reason: data.value })} />
                </Field>
              </Card>
            );
          })}
          <Field label={s.pairLabel}>
            <RadioGroup value={pair} onChange={(_, data) => setPair(data.value as PairDecision)}>
              <Radio value="continue" label={s.pair.continue} />
              <Radio value="change_mentor" label={s.pair.change_mentor} />
              <Radio value="close" label={s.pair.close} />
            </RadioGroup>
          </Field>
          <Field label={s.pairReasonLabel} required={pair === 'change_mentor'}>
            <Textarea value={pairReason} onChange={(_, data) => setPairReason(data.value)} />
          </Field>
          {view.mayOfferToMentor && (
            <>
              <Field label={s.strengthsLabel} hint={s.strengthsHint}>
                <Input value={strengths} onChange={(_, data) => setStrengths(data.value)} />
              </Field>
              <Field label={s.capacityLabel}>
                <Input type="number" min={1} max={5} value={capacity} onChange={(_, data) => setCapacity(data.value)} />
              </Field>
            </>
          )}
          {error && (
            <PlaceNotice intent="error" role="alert">
              {error}
            </PlaceNotice>
          )}
          <div>
            <Button appearance="primary" type="submit" disabled={saving}>
              {saving ? s.saving : s.submit}
            </Button>
          </div>
          <Caption1>{s.once}</Caption1>
        </form>
      )}
    </PlaceFrame>
  );
}
