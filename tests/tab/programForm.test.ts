import { describe, expect, it } from 'vitest';
import { demoProgram } from '../../bot/dev/demoData';
import { programSettingsInput } from '../../shared/program';
import { priorityField, programToValues, questionsOf, valuesToSettings } from '../../tab/components/Program/programForm';

const program = demoProgram('2026-06-01');

describe('the Program page’s form values', () => {
  it('give back the stored settings when nothing was edited', () => {
    const { id: _id, tenantId: _tenantId, ...settings } = program;
    expect(valuesToSettings(programToValues(program), program)).toEqual(settings);
  });

  it('carry edits of the cadence, the questions, a priority and extra metrics into valid settings', () => {
    const values = programToValues(program);
    values.checkInCadence = 'weekly';
    values.checkInQuestions = 'First question?\n\n  Second question?  \n';
    values[priorityField('ai-enabled-products', 'archived')] = 'true';
    values[priorityField('ai-enabled-products', 'behaviors')] = 'One\nTwo';
    values.extraMetrics = 'Customer empathy';
    const settings = valuesToSettings(values, program);
    expect(programSettingsInput.safeParse(settings).success).toBe(true);
    expect(settings.checkInCadence).toBe('weekly');
    expect(settings.checkInQuestions).toEqual(['First question?', 'Second question?']);
    expect(questionsOf(values)).toEqual(['First question?', 'Second question?']);
    expect(settings.priorities.find((p) => p.id === 'ai-enabled-products')).toMatchObject({ archived: true, behaviors: ['One', 'Two'] });
    expect(settings.scorecardMetrics.map((m) => m.name)).toEqual([...program.scorecardMetrics.map((m) => m.name), 'Customer empathy']);
    expect(settings.managerIds).toEqual(program.managerIds);
  });
});
