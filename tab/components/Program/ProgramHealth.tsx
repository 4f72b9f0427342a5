// The program's health, for its managers (capability 13): participation, check-in adherence over
// time, goals per priority, scorecards and their trend by quarter, feedback response rate, pairs at
// risk and the survey, for the whole program or one cohort or priority; a figure about fewer than
// five people shows its note.
import { Button, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { routes } from '../../../shared/api/routes';
import { formatScorecardValue } from '../../../shared/checkpoints/checkpoint';
import type { HealthQuery } from '../../../shared/health/healthApi';
import type { ProgramHealthView } from '../../../shared/health/healthView';
import type { Figure } from '../../../shared/health/smallGroups';
import { surveyRatingScale } from '../../../shared/survey/survey';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { saveFile } from '../../app/saveFile';
import { useResource } from '../../hooks/useResource';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { HealthBarChart, type Bar } from './HealthBarChart';
import { healthStrings as s } from './healthStrings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  numbers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, margin: 0 },
  number: { display: 'flex', flexDirection: 'column' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  },
});

const percent = (share: number) => Math.round(share * 1000) / 10;
const barOf = <T,>(label: string, figure: Figure<T>, value: (v: T) => number): Bar =>
  figure.shown ? { label, value: value(figure.value) } : { label, note: figure.note };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** The note of a hidden figure, or what to show of a shown one. */
function Shown<T>({ figure, children }: { figure: Figure<T>; children: (value: T) => ReactNode }) {
  return figure.shown ? <>{children(figure.value)}</> : <Text italic>{figure.note}</Text>;
}

export default function ProgramHealth({ programId }: { programId: string }) {
  const api = useApi();
  const styles = useStyles();
  const [filter, setFilter] = useState<HealthQuery>({});
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const health = useResource(`health:${programId}:${filter.cohort ?? ''}:${filter.priority ?? ''}`, () =>
    call(api, routes.getProgramHealth, { params: { programId }, query: filter }),
  );
  const download = async () => {
    setBusy(true);
    try {
      const csv = await call(api, routes.exportProgramHealth, { params: { programId }, query: filter });
      saveFile(routes.exportProgramHealth.download, csv, 'text/csv');
      setNotice({ intent: 'success', text: s.downloaded });
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  if (health.state.status === 'loading' && !health.state.data) return <LoadingState label={s.loading} />;
  if (health.state.status === 'error' && !health.state.data)
    return <ErrorState title={s.loadFailed} message={health.state.error.message} onRetry={() => void health.reload()} />;
  const v = health.state.data!;
  return (
    <div className={styles.page}>
      <div className={styles.filters} role="group" aria-label={s.filters}>
        <Field label={s.cohort} hint={s.oneFilter}>
          <Select value={filter.cohort ?? ''} onChange={(_, d) => setFilter(d.value ? { cohort: d.value } : {})}>
            <option value="">{s.allCohorts}</option>
            {v.choices.cohorts.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.priority}>
          <Select value={filter.priority ?? ''} onChange={(_, d) => setFilter(d.value ? { priority: d.value } : {})}>
            <option value="">{s.allPriorities}</option>
            {v.choices.priorities.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void download()}>
          {busy ? s.downloading : s.download}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <HealthSections view={v} />
    </div>
  );
}

function HealthSections({ view: v }: { view: ProgramHealthView }) {
  const styles = useStyles();
  return (
    <>
      <Section id="health-participation" title={s.participation}>
        <Shown figure={v.participation}>
          {(p) => (
            <dl className={styles.numbers}>
              {(
                [
                  [s.pairs, p.pairs],
                  [s.activePairs, p.activePairs],
                  [s.acceptedAgreements, p.acceptedAgreements],
                ] as const
              ).map(([label, n]) => (
                <div key={label} className={styles.number}>
                  <dt>{label}</dt>
                  <dd style={{ margin: 0, fontSize: tokens.fontSizeHero700 }}>{n}</dd>
                </div>
              ))}
            </dl>
          )}
        </Shown>
      </Section>
      <Section id="health-adherence" title={s.adherence}>
        {v.adherence.length === 0 ? (
          <Text>{s.noCheckIns}</Text>
        ) : (
          <HealthBarChart
            title={s.adherenceChart}
            labelHeading={s.week}
            valueHeading={s.answered}
            range={{ min: 0, max: 100 }}
            format={(v) => `${v}%`}
            bars={v.adherence.map((a) => barOf(a.week, a.figure, percent))}
          />
        )}
      </Section>
      <Section id="health-goals" title={s.goals}>
        {v.goalsByPriority.length === 0 ? (
          <Text>{s.noGoals}</Text>
        ) : (
          <HealthBarChart
            title={s.goalsChart}
            labelHeading={s.priority}
            valueHeading={s.goalCount}
            bars={v.goalsByPriority.map((g) => barOf(g.name, g.figure, (n) => n))}
          />
        )}
      </Section>
      <Section id="health-scores" title={s.scores}>
        {v.scores.length === 0 && <Text>{s.noScores}</Text>}
        {v.scores.map((m) =>
          m.figure.shown ? (
            <div key={m.metricId}>
              <Text weight="semibold">{`${m.name}: ${s.mean(m.figure.value.mean)}`}</Text>
              <HealthBarChart
                title={s.scoresChart(m.name)}
                labelHeading={s.value}
                valueHeading={s.count}
                bars={Object.entries(m.figure.value.counts).map(([value, n]) => ({ label: value, value: n }))}
              />
            </div>
          ) : (
            <Text key={m.metricId}>
              {`${m.name}: `}
              <Text italic>{m.figure.note}</Text>
            </Text>
          ),
        )}
      </Section>
      <Section id="health-score-trends" title={s.scoreTrends}>
        {v.scoreTrends.length === 0 && <Text>{s.noScoreTrends}</Text>}
        {v.scoreTrends.map((t) => (
          <HealthBarChart
            key={t.metricId}
            title={s.scoreTrendChart(t.name)}
            labelHeading={s.quarter}
            valueHeading={s.meanOnScale(t.scale.min, t.scale.max)}
            range={t.scale}
            format={(mean) => formatScorecardValue(t, { metricId: t.metricId, value: mean }, '')}
            bars={t.periods.map((p) => barOf(p.period, p.figure, (f) => f.mean))}
          />
        ))}
      </Section>
      <Section id="health-feedback" title={s.feedback}>
        <Shown figure={v.feedbackResponseRate}>{(rate) => <Text>{s.feedbackRate(percent(rate))}</Text>}</Shown>
      </Section>
      <Section id="health-at-risk" title={s.atRisk}>
        <Shown figure={v.atRisk}>
          {(risk) => (
            <>
              <Text>
                {s.atRiskCount(risk.count)} {risk.pairs.length < risk.count ? s.atRiskListed(risk.pairs.length, risk.count) : ''}
              </Text>
              {risk.pairs.length > 0 && (
                <table className={styles.table}>
                  <caption>{s.atRiskTable}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{s.mentee}</th>
                      <th scope="col">{s.mentor}</th>
                      <th scope="col">{s.reasons}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {risk.pairs.map((p) => (
                      <tr key={p.pairId}>
                        <th scope="row">{p.menteeName}</th>
                        <td>{p.mentorName}</td>
                        <td>{p.reasons.map((r) => r.text).join(' ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </Shown>
      </Section>
      <Section id="health-survey" title={s.survey}>
        {!v.survey ? (
          <Text>{s.noSurvey}</Text>
        ) : (
          <>
            <Shown figure={v.survey.results.respondents}>{(n) => <Text>{s.respondents(n)}</Text>}</Shown>
            {v.survey.results.questions.some((q) => q.kind === 'rating') && (
              <HealthBarChart
                title={v.survey.programName}
                labelHeading={s.question}
                valueHeading={s.meanOnScale(surveyRatingScale.min, surveyRatingScale.max)}
                range={surveyRatingScale}
                bars={v.survey.results.questions.flatMap((q) => (q.kind === 'rating' ? [barOf(q.text, q.result, (r) => r.mean)] : []))}
              />
            )}
          </>
        )}
      </Section>
    </>
  );
}
