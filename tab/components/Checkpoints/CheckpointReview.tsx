// One checkpoint as a guided review: the scorecard (computed parts and each person's ratings),
// reflections, a decision per goal, breakthroughs, a look at the agreement; saved as a draft under
// its version, then signed off by both. Signed off, it is read-only; a correction starts a new version.
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { routes } from '../../../shared/api/routes';
import {
  formatScorecardValue,
  recalibrationDecision,
  type Checkpoint,
  type ParsedCheckpointDraftInput,
  type RecalibrationDecision,
} from '../../../shared/checkpoints/checkpoint';
import type { CheckpointView } from '../../../shared/checkpoints/checkpointService';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { ApiError } from '../../api/client';
import { AgreementRevision } from './AgreementRevision';
import { checkpointStrings as s } from './checkpointStrings';
import { ChoiceOptions } from '../../forms/ChoiceOptions';

const useStyles = makeStyles({
  review: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', padding: 0, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  metric: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '200px' },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

interface Draft {
  myRatings: Record<string, number>;
  reflections: ParsedCheckpointDraftInput['reflections'];
  decisions: Record<string, { decision: RecalibrationDecision | ''; reason: string }>;
  breakthroughs: string;
  agreementReviewed: boolean;
}

function draftOf(view: CheckpointView): Draft {
  const c = view.checkpoint?.value;
  return {
    myRatings: { ...(c?.ratings[view.viewerRole] ?? {}) },
    reflections: c?.reflections ?? { worked: '', didNotWork: '', insights: '' },
    decisions: Object.fromEntries(
      view.goals.map((g) => {
        const r = c?.recalibrations.find((x) => x.goalId === g.id);
        return [g.id, { decision: r?.decision ?? '', reason: r?.reason ?? '' }];
      }),
    ),
    breakthroughs: (c?.breakthroughs ?? []).map((b) => b.text).join('\n'),
    agreementReviewed: c?.agreementReviewed ?? false,
  };
}

function inputOf(d: Draft): ParsedCheckpointDraftInput {
  return {
    myRatings: d.myRatings,
    reflections: d.reflections,
    recalibrations: Object.entries(d.decisions)
      .filter(([, r]) => r.decision !== '')
      .map(([goalId, r]) => ({ goalId, decision: r.decision as RecalibrationDecision, reason: r.reason })),
    breakthroughs: d.breakthroughs
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text) => ({ text })),
    agreementReviewed: d.agreementReviewed,
  };
}

export function CheckpointReview({ pairId, view, reload }: { pairId: string; view: CheckpointView; reload: () => Promise<void> }) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);
  const stored = view.checkpoint;
  const readOnly = !view.can.prepare || stored?.value.status === 'signed_off';
  useEffect(() => setDraft(draftOf(view)), [view]);

  const params = { pairId, dueDate: view.period.dueDate };
  async function act(run: () => Promise<unknown>, success?: string) {
    setBusy(true);
    setMessage(undefined);
    try {
      await run();
      if (success) setMessage({ intent: 'success', text: success });
      await reload();
    } catch (e) {
      const conflict = e instanceof ApiError && e.status === 409;
      setMessage({ intent: 'error', text: conflict ? s.review.conflict : e instanceof Error ? e.message : String(e) });
      // A conflict shows the version stored now; any other refusal keeps what the person typed.
      if (conflict) await reload();
    } finally {
      setBusy(false);
    }
  }
  const save = () => call(api, routes.saveCheckpointDraft, { params, body: inputOf(draft), etag: stored!.etag });

  const c: Checkpoint | undefined = stored?.value;
  const metricValue = (id: string) => view.scorecard.find((v) => v.metricId === id);
  const previousValue = (id: string) => view.previousScorecard?.find((v) => v.metricId === id);
  const names = { mentor: view.mentor.displayName, mentee: view.mentee.displayName };
  const other = view.viewerRole === 'mentor' ? names.mentee : names.mentor;
  const mineSigned = c && (view.viewerRole === 'mentor' ? c.signedByMentorAt : c.signedByMenteeAt);

  return (
    <section className={styles.review} aria-labelledby="checkpoint-review-heading" data-testid="checkpoint-review">
      <div>
        <Subtitle2 as="h4" id="checkpoint-review-heading">
          {s.review.heading(view.period.number, view.period.dueDate)}
        </Subtitle2>{' '}
        <Badge appearance="tint" color={view.state === 'missed' ? 'danger' : view.state === 'signed_off' ? 'success' : 'informative'}>
          {s.state[view.state]}
        </Badge>
        <Caption1 as="p" className={styles.meta}>
          {s.review.period(view.period.from, view.period.to)}
          {view.state === 'missed' ? ` · ${s.missedHint}` : ''}
        </Caption1>
      </div>

      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      {!stored ? (
        <div className={styles.actions}>
          <Text>{s.review.notStarted}</Text>
          {view.can.prepare && (
            <Button appearance="primary" disabled={busy} onClick={() => void act(() => call(api, routes.startCheckpoint, { params }))}>
              {s.review.start}
            </Button>
          )}
        </div>
      ) : (
        <>
          <fieldset className={styles.group}>
            <legend>
              <Subtitle2>{s.review.scorecard}</Subtitle2>
            </legend>
            <div className={styles.row}>
              {view.metrics.map((m) => {
                const value = metricValue(m.id);
                return (
                  <div key={m.id} className={styles.metric} data-testid={`metric-${m.id}`}>
                    <Text weight="semibold">{m.name}</Text>
                    <Text>
                      {s.latest}: {formatScorecardValue(m, value, s.noValue)}
                      {view.previousScorecard ? ` · ${s.previous}: ${formatScorecardValue(m, previousValue(m.id), s.noValue)}` : ''}
                    </Text>
                    {m.source === 'rating' ? (
                      <>
                        <Caption1 className={styles.meta}>
                          {s.review.ratedBy(String(value?.mentee ?? s.review.notRated), String(value?.mentor ?? s.review.notRated))}
                        </Caption1>
                        {!readOnly && (
                          <Field label={s.review.myRating(m.name)}>
                            <Select
                              value={draft.myRatings[m.id] === undefined ? '' : String(draft.myRatings[m.id])}
                              onChange={(_, d) =>
                                setDraft((x) => {
                                  const myRatings = { ...x.myRatings };
                                  if (d.value === '') delete myRatings[m.id];
                                  else myRatings[m.id] = Number(d.value);
                                  return { ...x, myRatings };
                                })
                              }
                            >
                              <option value="">{s.review.notRated}</option>
                              {Array.from({ length: m.scale.max - m.scale.min + 1 }, (_, i) => m.scale.min + i).map((n) => (
                                <option key={n} value={n}>
                                  {n}
                                </option>
                              ))}
                            </Select>
                          </Field>
                        )}
                      </>
                    ) : (
                      <Caption1 className={styles.meta}>{s.review.computed}</Caption1>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>

          <fieldset className={styles.group}>
            <legend>
              <Subtitle2>{s.review.reflections}</Subtitle2>
            </legend>
            {(['worked', 'didNotWork', 'insights'] as const).map((key) => (
              <Field key={key} label={s.review[key]}>
                <Textarea
                  value={draft.reflections[key]}
                  readOnly={readOnly}
                  maxLength={1000}
                  onChange={(_, d) => setDraft((x) => ({ ...x, reflections: { ...x.reflections, [key]: d.value } }))}
                />
              </Field>
            ))}
          </fieldset>

          <fieldset className={styles.group}>
            <legend>
              <Subtitle2>{s.review.recalibration}</Subtitle2>
            </legend>
            {view.goals.map((g) => (
              <div key={g.id} className={styles.row}>
                <Field label={s.review.decision(g.title)}>
                  <Select
                    disabled={readOnly}
                    value={draft.decisions[g.id]?.decision ?? ''}
                    onChange={(_, d) =>
                      setDraft((x) => ({
                        ...x,
                        decisions: {
                          ...x.decisions,
                          [g.id]: { reason: x.decisions[g.id]?.reason ?? '', decision: d.value as RecalibrationDecision | '' },
                        },
                      }))
                    }
                  >
                    <option value="">{s.review.noDecision}</option>
                    <ChoiceOptions values={recalibrationDecision.options} labels={s.decisions} />
                  </Select>
                </Field>
                <Field label={s.review.reason(g.title)}>
                  <Input
                    readOnly={readOnly}
                    value={draft.decisions[g.id]?.reason ?? ''}
                    onChange={(_, d) =>
                      setDraft((x) => ({
                        ...x,
                        decisions: { ...x.decisions, [g.id]: { decision: x.decisions[g.id]?.decision ?? '', reason: d.value } },
                      }))
                    }
                  />
                </Field>
              </div>
            ))}
          </fieldset>

          <Field label={s.review.breakthroughs}>
            <Textarea
              value={draft.breakthroughs}
              readOnly={readOnly}
              onChange={(_, d) => setDraft((x) => ({ ...x, breakthroughs: d.value }))}
            />
          </Field>

          <AgreementRevision />
          <Checkbox
            label={s.review.agreementReviewed}
            disabled={readOnly}
            checked={draft.agreementReviewed}
            onChange={(_, d) => setDraft((x) => ({ ...x, agreementReviewed: d.checked === true }))}
          />

          {c?.status === 'signed_off' ? (
            <div className={styles.review}>
              <Text>{s.review.signedOff((c.signedOffAt ?? '').slice(0, 10))}</Text>
              <div className={styles.actions}>
                {view.can.correct && (
                  <Button
                    disabled={busy}
                    onClick={() => void act(() => call(api, routes.correctCheckpoint, { params, etag: stored.etag }))}
                  >
                    {s.review.correct}
                  </Button>
                )}
                {view.viewerRole === 'mentee' && (
                  <Switch
                    label={s.review.share}
                    checked={c.sharedWithProgram}
                    disabled={busy || !view.can.share}
                    onChange={(_, d) =>
                      void act(() =>
                        call(api, routes.setCheckpointSharing, { params, body: { sharedWithProgram: d.checked }, etag: stored.etag }),
                      )
                    }
                  />
                )}
              </div>
              {view.viewerRole === 'mentee' && <Caption1 className={styles.meta}>{s.review.shareHint}</Caption1>}
            </div>
          ) : (
            <div className={styles.actions}>
              {view.can.prepare && (
                <Button disabled={busy} onClick={() => void act(save, s.review.saved)}>
                  {s.review.save}
                </Button>
              )}
              {view.can.signOff && (
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      // What is on screen is what is signed: a change is saved first (which asks both to sign again).
                      const changed = JSON.stringify(inputOf(draft)) !== JSON.stringify(inputOf(draftOf(view)));
                      const etag = changed ? (await save()).etag : stored.etag;
                      await call(api, routes.signOffCheckpoint, { params, etag });
                    })
                  }
                >
                  {s.review.signOff}
                </Button>
              )}
              {c?.signedByMentorAt && <Caption1>{s.review.signedBy(names.mentor)}</Caption1>}
              {c?.signedByMenteeAt && <Caption1>{s.review.signedBy(names.mentee)}</Caption1>}
              {mineSigned && <Caption1>{s.review.waitingFor(other)}</Caption1>}
            </div>
          )}

          {view.revisions.length > 0 && (
            <div>
              <Subtitle2 as="h5">{s.review.revisions}</Subtitle2>
              <ul>
                {view.revisions.map((r) => (
                  <li key={r.revision}>
                    {s.review.revisionLine(r.revision, (r.signedOffAt ?? '').slice(0, 10))}:{' '}
                    {view.metrics
                      .map(
                        (m) =>
                          `${m.name} ${formatScorecardValue(
                            m,
                            r.scorecard?.find((v) => v.metricId === m.id),
                            s.noValue,
                          )}`,
                      )
                      .join(' · ')}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
