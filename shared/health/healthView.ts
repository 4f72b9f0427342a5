// What a program manager sees of the program's health (capability 13), and its CSV export, from
// the kept totals of a slice. Every figure is floored at five people (smallGroups.ts): a week's
// adherence counts the people whose check-ins were due that week, a priority's goals the people of
// the pairs with a goal on it, a metric (and each quarter of its trend) the mentees who shared a scorecard.
import type { Program, ScorecardMetric } from '../program';
import type { SurveyResultsView } from '../survey/surveyService';
import { atRiskReasons, type AtRiskReason, type PairSignals } from './atRisk';
import { NO_PRIORITY, sliceKey, type HealthSlice } from './pairHealth';
import { emptyContribution, healthFigures, type HealthFigures, type PairContribution } from './programHealth';
import { csvCell, figureOf, suppressedNote, type Figure } from './smallGroups';

/** A pair at risk as stored: ids, both names and the signals; never anything the pair wrote. */
export interface AtRiskSignalsRow {
  pairId: string;
  names: { mentor: string; mentee: string };
  signals: PairSignals;
}

export interface AtRiskPairView {
  pairId: string;
  mentorName: string;
  menteeName: string;
  reasons: AtRiskReason[];
}

/** How many pairs at risk the dashboard lists; the count covers them all. */
export const AT_RISK_LISTED = 30;

export const noPriorityName = 'Not linked to any priority';

export interface ProgramHealthView {
  programId: string;
  programName: string;
  slice: HealthSlice;
  choices: { cohorts: string[]; priorities: { id: string; name: string }[] };
  participation: HealthFigures['participation'];
  adherence: { week: string; figure: Figure<number> }[];
  goalsByPriority: { priorityId: string; name: string; figure: Figure<number> }[];
  feedbackResponseRate: HealthFigures['feedbackResponseRate'];
  scores: { metricId: string; name: string; figure: HealthFigures['scores'][string] }[];
  /**
   * Per metric, in the program's order: the mean by quarter, oldest first; each quarter floored at
   * five mentees. With the metric's source and scale, so the mean reads (and draws) on its own range.
   */
  scoreTrends: ({ metricId: string; name: string; periods: HealthFigures['scoreTrends'][string] } & Pick<
    ScorecardMetric,
    'source' | 'scale'
  >)[];
  atRisk: Figure<{ count: number; pairs: AtRiskPairView[] }>;
  survey?: SurveyResultsView;
}

const priorityName = (program: Pick<Program, 'priorities'>, id: string) =>
  id === NO_PRIORITY ? noPriorityName : (program.priorities.find((p) => p.id === id)?.name ?? id);

export function programHealthView(args: {
  program: Pick<Program, 'id' | 'name' | 'priorities' | 'scorecardMetrics'>;
  slice: HealthSlice;
  /** The slice's totals. */
  totals: PairContribution | undefined;
  /** How many pairs each slice of the program holds, by slice key. */
  slicePairs: Record<string, number>;
  atRisk: AtRiskSignalsRow[];
  survey?: SurveyResultsView;
  now: Date;
}): ProgramHealthView {
  const { program, slice, slicePairs, now } = args;
  const mine = args.totals ?? emptyContribution();
  const figures = healthFigures(mine);
  const people = mine.pairs * 2;
  const keys = Object.keys(slicePairs).filter((k) => (slicePairs[k] ?? 0) > 0);
  const cohorts = keys.flatMap((k) => (k.startsWith('cohort|') ? [k.slice(7)] : [])).sort();
  const priorityIds = new Set(keys.flatMap((k) => (k.startsWith('priority|') ? [k.slice(9)] : [])));
  for (const p of program.priorities) priorityIds.add(p.id);
  // The program's order, then ids it no longer lists, then goals linked to none.
  const rank = (id: string) => (id === NO_PRIORITY ? Infinity : program.priorities.findIndex((p) => p.id === id) + 1 || 1_000);
  const priorities = [...priorityIds]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((id) => ({ id, name: priorityName(program, id) }));
  const goalsByPriority = Object.keys(mine.goalsByPriority)
    .sort((a, b) => (a === NO_PRIORITY ? 1 : b === NO_PRIORITY ? -1 : priorityName(program, a).localeCompare(priorityName(program, b))))
    .map((id) => {
      // The pairs of this slice with a goal on the priority: at most the priority's own slice.
      const withGoal = Math.min(people, (slicePairs[sliceKey({ kind: 'priority', priorityId: id })] ?? 0) * 2);
      return { priorityId: id, name: priorityName(program, id), figure: figureOf(withGoal, () => mine.goalsByPriority[id] ?? 0) };
    });
  const adherence = figures.adherence.map(({ week, figure }) => ({
    week,
    figure: figureOf(Math.min(people, (mine.checkInsDue[week] ?? 0) * 2), () => (figure.shown ? figure.value : 0)),
  }));
  const scores = program.scorecardMetrics.flatMap((m) => {
    const figure = figures.scores[m.id];
    return figure ? [{ metricId: m.id, name: m.name, figure }] : [];
  });
  const scoreTrends = program.scorecardMetrics.flatMap((m) => {
    const periods = figures.scoreTrends[m.id];
    return periods ? [{ metricId: m.id, name: m.name, source: m.source, scale: m.scale, periods }] : [];
  });
  const atRisk = figureOf(people, () => ({
    count: mine.atRisk,
    pairs: args.atRisk
      .slice(0, AT_RISK_LISTED)
      .map((r) => ({ pairId: r.pairId, mentorName: r.names.mentor, menteeName: r.names.mentee, reasons: atRiskReasons(r.signals, now) }))
      .filter((r) => r.reasons.length > 0)
      // Stored in the order the pairs last changed; shown in a stable order.
      .sort((a, b) => a.menteeName.localeCompare(b.menteeName) || a.pairId.localeCompare(b.pairId)),
  }));
  return {
    programId: program.id,
    programName: program.name,
    slice,
    choices: { cohorts, priorities },
    participation: figures.participation,
    adherence,
    goalsByPriority,
    feedbackResponseRate: figures.feedbackResponseRate,
    scores,
    scoreTrends,
    atRisk,
    ...(args.survey ? { survey: args.survey } : {}),
  };
}

/** A CSV field: quoted when it holds a comma, quote or line break; a leading formula sign is defused. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const percent = (share: number) => String(Math.round(share * 1000) / 10);

/** The figures of the view as CSV: one row per figure, its value, and a note where it is hidden. */
export function programHealthCsv(view: ProgramHealthView): string {
  const lines: string[][] = [['figure', 'value', 'notes']];
  const row = <T>(name: string, figure: Figure<T>, format?: (v: T) => string) =>
    lines.push([name, csvCell(figure, format), figure.shown ? '' : suppressedNote]);
  const p = view.participation;
  row('Pairs', p, (v) => String(v.pairs));
  row('Active pairs', p, (v) => String(v.activePairs));
  row('Agreements accepted by both', p, (v) => String(v.acceptedAgreements));
  for (const a of view.adherence) row(`Check-ins answered (%), week ${a.week}`, a.figure, percent);
  for (const g of view.goalsByPriority) row(`Goals: ${g.name}`, g.figure);
  row('Feedback response rate (%)', view.feedbackResponseRate, percent);
  for (const s of view.scores) {
    row(`Scorecard mean: ${s.name}`, s.figure, (v) => String(v.mean));
    if (s.figure.shown)
      for (const [value, count] of Object.entries(s.figure.value.counts))
        row(`Scorecard ${s.name}: ${value}`, s.figure, () => String(count));
  }
  for (const t of view.scoreTrends)
    for (const p of t.periods) row(`Scorecard mean: ${t.name}, ${p.period}`, p.figure, (v) => String(v.mean));
  row('Pairs at risk', view.atRisk, (v) => String(v.count));
  if (view.survey) {
    const r = view.survey.results;
    row('Survey respondents', r.respondents);
    for (const q of r.questions) if (q.kind === 'rating') row(`Survey mean: ${q.text}`, q.result, (v) => String(v.mean));
  }
  return lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}
