// The program settings as the Program page's form holds them: flat text fields, so a stale save
// merges field by field (tab/forms/useVersionedForm.ts). Priorities are fields of their own, keyed
// by the priority's id; lists (questions, behaviors, extra metrics) are one entry a line.
import { defaultScorecardMetrics, type Program, type ProgramSettingsInput, type ScorecardMetric } from '../../../shared/program';

export type ProgramFormValues = Record<string, string>;

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const priorityField = (id: string, field: 'name' | 'description' | 'behaviors' | 'archived') => `priority:${id}:${field}`;
export const priorityIdsOf = (values: ProgramFormValues) => (values.priorityOrder ? values.priorityOrder.split(',') : []);

const defaultMetricIds = new Set(defaultScorecardMetrics.map((m) => m.id));

export function programToValues(p: Program): ProgramFormValues {
  const values: ProgramFormValues = {
    name: p.name,
    checkInCadence: p.checkInCadence,
    checkpointIntervalMonths: String(p.checkpointIntervalMonths),
    cycleStart: p.cycleStart,
    cycleEnd: p.cycleEnd,
    renewalDate: p.renewalDate,
    extraMetrics: p.scorecardMetrics
      .filter((m) => !defaultMetricIds.has(m.id))
      .map((m) => m.name)
      .join('\n'),
    checkInQuestions: p.checkInQuestions.join('\n'),
    priorityOrder: p.priorities.map((x) => x.id).join(','),
  };
  for (const x of p.priorities) {
    values[priorityField(x.id, 'name')] = x.name;
    values[priorityField(x.id, 'description')] = x.description;
    values[priorityField(x.id, 'behaviors')] = x.behaviors.join('\n');
    values[priorityField(x.id, 'archived')] = x.archived ? 'true' : '';
  }
  return values;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'metric';

/** The settings to send: the form's fields over what the stored version holds (managers, retention). */
export function valuesToSettings(values: ProgramFormValues, base: Program): ProgramSettingsInput {
  const metricsByName = new Map(base.scorecardMetrics.map((m) => [m.name, m]));
  const extra: ScorecardMetric[] = lines(values.extraMetrics).map(
    (name) => metricsByName.get(name) ?? { id: slug(name), name, description: '', source: 'rating', scale: { min: 1, max: 5 } },
  );
  const { id: _id, tenantId: _tenantId, ...kept } = base;
  return {
    ...kept,
    name: values.name ?? '',
    checkInCadence: values.checkInCadence as Program['checkInCadence'],
    checkpointIntervalMonths: Number(values.checkpointIntervalMonths),
    cycleStart: values.cycleStart ?? '',
    cycleEnd: values.cycleEnd ?? '',
    renewalDate: values.renewalDate ?? '',
    scorecardMetrics: [...defaultScorecardMetrics.filter((d) => base.scorecardMetrics.some((m) => m.id === d.id)), ...extra],
    checkInQuestions: lines(values.checkInQuestions),
    priorities: priorityIdsOf(values).map((id) => ({
      id,
      name: values[priorityField(id, 'name')] ?? '',
      description: values[priorityField(id, 'description')] ?? '',
      behaviors: lines(values[priorityField(id, 'behaviors')]),
      ...(values[priorityField(id, 'archived')] === 'true' ? { archived: true } : {}),
    })),
  };
}

export const questionsOf = (values: ProgramFormValues) => lines(values.checkInQuestions);
