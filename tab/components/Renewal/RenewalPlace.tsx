// The Renewal place of a plan: two weeks before the cycle ends, each open goal is carried over,
// completed or dropped (with a reason), the pair continues, asks for another mentor or closes, and
// the mentee may offer to mentor, and a continuing pair sets goals for the next cycle against the
// program's current priorities. Before then it says when the renewal opens; afterwards, what was decided.
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
  Subtitle1,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { routes } from '../../../shared/api/routes';
import type { GoalDecision, PairDecision, RenewalNewGoal } from '../../../shared/renewal/renewal';
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
type NewGoalDraft = { key: number; title: string; priorityId: string; dueDate: string };

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
  const [newGoals, setNewGoals] = useState<NewGoalDraft[]>([]);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  if (state.status === 'loading') return <LoadingState label={s.loading} />;
  if (state.status === 'error' && !state.data)
    return <ErrorState title={s.loadFailed} message={state.error.message} onRetry={() => void reload()} />;
  const view = state.data!;

  const decisionOf = (goalId: string) => decisions[goalId] ?? { decision: 'carry_over' as Decision, reason: '' };
  const setDecision = (goalId: string, change: Partial<{ decision: Decision; reason: string }>) =>
    setDecisions((d) => ({ ...d, [goalId]: { ...decisionOf(goalId), ...change } }));

  const addNewGoal = () =>
    setNewGoals((list) => [
      ...list,
      { key: (list.at(-1)?.key ?? 0) + 1, title: '', priorityId: view.priorities[0]?.id ?? '', dueDate: '' },
    ]);
  const changeNewGoal = (key: number, change: Partial<NewGoalDraft>) =>
    setNewGoals((list) => list.map((g) => (g.key === key ? { ...g, ...change } : g)));
  const removeNewGoal = (key: number) => setNewGoals((list) => list.filter((g) => g.key !== key));

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
          ...(pair === 'continue' && newGoals.length > 0
            ? {
                newGoals: newGoals.map((g): RenewalNewGoal => ({
                  title: g.title,
                  priorityId: g.priorityId,
                  ...(g.dueDate ? { dueDate: g.dueDate } : {}),
                })),
              }
            : {}),
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
      {view.pairEnded && <PlaceNotice intent="info">{s.ended}</PlaceNotice>}
      {view.decided && <Text role="status">{s.decided[view.decided.pair]}</Text>}
      {view.opensLater && <Text>{s.opensOn(formatDate(view.opensOn))}</Text>}
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
          {pair === 'continue' && (
            <section className={styles.column} aria-labelledby="renewal-new-goals">
              <Subtitle1 as="h4" id="renewal-new-goals">
                {s.newGoalsHeading}
              </Subtitle1>
              <Caption1>{s.newGoalsHint}</Caption1>
              {newGoals.map((g, i) => (
                <Card key={g.key} className={styles.goal} role="group" aria-label={s.newGoalLabel(i + 1)}>
                  <Field label={s.newGoalTitle(i + 1)} required>
                    <Input value={g.title} onChange={(_, data) => changeNewGoal(g.key, { title: data.value })} />
                  </Field>
                  <Field label={s.newGoalPriority(i + 1)} required>
                    <Select value={g.priorityId} onChange={(_, data) => changeNewGoal(g.key, { priorityId: data.value })}>
                      {view.priorities.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={s.newGoalDueDate(i + 1)}>
                    <Input type="date" value={g.dueDate} onChange={(_, data) => changeNewGoal(g.key, { dueDate: data.value })} />
                  </Field>
                  <div>
                    <Button appearance="subtle" onClick={() => removeNewGoal(g.key)}>
                      {s.removeNewGoal(i + 1)}
                    </Button>
                  </div>
                </Card>
              ))}
              <div>
                <Button onClick={addNewGoal} disabled={view.priorities.length === 0}>
                  {s.addNewGoal}
                </Button>
              </div>
            </section>
          )}
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
