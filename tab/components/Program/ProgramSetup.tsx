// The program's setup, for its managers: the settings, with a live preview of the check-in card as
// people will see it. Saving sends the version it opened (If-Match);
// a stale save merges the stored version in (tab/forms/useVersionedForm.ts).
import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { cadence, cadenceLabel, type Cadence, type Program } from '../../../shared/program';
import { routes } from '../../../shared/api/routes';
import { checkInCardQuestions } from '../../../shared/checkins/checkInQuestions';
import type { Versioned } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useSubmit } from '../../forms/useSubmit';
import { useVersionedForm } from '../../forms/useVersionedForm';
import { useResource } from '../../hooks/useResource';
import { strings } from '../../strings';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { priorityField, priorityIdsOf, programToValues, questionsOf, valuesToSettings, type ProgramFormValues } from './programForm';
import { ChoiceOptions } from '../../forms/ChoiceOptions';

const useStyles = makeStyles({
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, flex: '1 1 28rem', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  priority: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  preview: {
    flex: '1 1 20rem',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  question: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  questions: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export default function ProgramSetup({ programId }: { programId: string }) {
  const api = useApi();
  const settings = useResource(`program:${programId}`, () => call(api, routes.getProgramSettings, { params: { programId } }));
  const s = strings.program;
  if (settings.state.status === 'loading') return <LoadingState label={s.loading} />;
  if (settings.state.status === 'error')
    return <ErrorState title={s.loadFailed} message={settings.state.error.message} onRetry={() => void settings.reload()} />;
  return <ProgramSettingsForm version={settings.state.data} />;
}

const labels = new Proxy({} as Record<string, string>, {
  get: (_, field: string) => {
    const s = strings.program.fields;
    if (field.startsWith('priority:')) {
      const part = field.split(':')[2] as keyof typeof s.priority;
      return s.priority[part] ?? field;
    }
    return (s as unknown as Record<string, string>)[field] ?? field;
  },
});

function ProgramSettingsForm({ version }: { version: Versioned<Program> }) {
  const api = useApi();
  const styles = useStyles();
  const s = strings.program;
  const edit = useVersionedForm<Program & { updatedBy?: string }, ProgramFormValues>({
    version,
    toValues: programToValues,
    empty: () => ({}),
    what: s.what,
    viewer: { id: '', nameOf: () => undefined },
    labels,
  });
  const { run, busy, fieldErrors, notice } = useSubmit();
  const [saved, setSaved] = useState(false);
  const { values, setField, base } = edit;
  const ids = priorityIdsOf(values);
  const text = (field: string) => values[field] ?? '';
  /** The server names list items (`checkInQuestions.2`, `priorities.0.behaviors.1`): shown on the field that holds the list. */
  const errorAt = (path: string) =>
    fieldErrors[path] ?? Object.entries(fieldErrors).find(([key, message]) => key.startsWith(`${path}.`) && message)?.[1];
  const onText = (field: string) => (_: unknown, d: { value: string }) => {
    setSaved(false);
    setField(field, d.value);
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const current = edit.base ?? version;
    const done = await run(
      async () => {
        const res = await call(api, routes.updateProgramSettings, {
          params: { programId: current.value.id },
          body: valuesToSettings(values, current.value),
          etag: current.etag,
        });
        edit.setBase(res);
      },
      { form: e.currentTarget, onConflict: edit.onConflict },
    );
    setSaved(done);
  }

  function addPriority() {
    const id = `priority-${Date.now().toString(36)}`;
    setField('priorityOrder', [...ids, id].join(','));
  }
  /** Priorities of the stored version that the form took out: offered back, archived, when goals use them. */
  const removedIds = (base?.value.priorities ?? []).map((p) => p.id).filter((id) => !ids.includes(id));
  function archiveRemoved() {
    setSaved(false);
    const patch: ProgramFormValues = { priorityOrder: [...ids, ...removedIds].join(',') };
    for (const id of removedIds) patch[priorityField(id, 'archived')] = 'true';
    edit.setFields(patch);
  }
  function removePriority(id: string) {
    setField('priorityOrder', ids.filter((x) => x !== id).join(','));
  }

  const cadenceValue = (values.checkInCadence ?? 'biweekly') as Cadence;
  // The card's own list (goal progress and confidence always first), so the preview is what people get.
  const questions = checkInCardQuestions(questionsOf(values)).map((q) => q.text);
  return (
    <div className={styles.layout}>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={s.formLabel}>
        <FormNoticeBar notice={notice} />
        {saved && !notice && (
          <Text role="status" weight="semibold">
            {s.saved}
          </Text>
        )}
        <Field label={s.fields.name} required validationMessage={fieldErrors.name}>
          <Input value={text('name')} onChange={onText('name')} />
        </Field>
        <div className={styles.row}>
          <Field label={s.fields.checkInCadence} validationMessage={fieldErrors.checkInCadence}>
            <Select value={cadenceValue} onChange={onText('checkInCadence')}>
              <ChoiceOptions values={cadence.options} labels={cadenceLabel} />
            </Select>
          </Field>
          <Field label={s.fields.checkpointIntervalMonths} validationMessage={fieldErrors.checkpointIntervalMonths}>
            <Input type="number" min={1} max={12} value={text('checkpointIntervalMonths')} onChange={onText('checkpointIntervalMonths')} />
          </Field>
        </div>
        <div className={styles.row}>
          {(['cycleStart', 'cycleEnd', 'renewalDate'] as const).map((f) => (
            <Field key={f} label={s.fields[f]} validationMessage={fieldErrors[f]}>
              <Input type="date" value={text(f)} onChange={onText(f)} />
            </Field>
          ))}
        </div>
        <Subtitle2 as="h3">{s.prioritiesHeading}</Subtitle2>
        {fieldErrors.priorities && (
          <div className={styles.row}>
            <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
              {fieldErrors.priorities}
            </Text>
            {removedIds.length > 0 && <Button onClick={archiveRemoved}>{s.archiveInstead}</Button>}
          </div>
        )}
        {ids.map((id, i) => {
          const archived = values[priorityField(id, 'archived')] === 'true';
          const name = text(priorityField(id, 'name'));
          return (
            <fieldset key={id} className={styles.priority}>
              <legend>{name || s.priorityN(i + 1)}</legend>
              <Field label={s.fields.priority.name} required validationMessage={fieldErrors[`priorities.${i}.name`]}>
                <Input value={name} onChange={onText(priorityField(id, 'name'))} />
              </Field>
              <Field label={s.fields.priority.description} validationMessage={errorAt(`priorities.${i}.description`)}>
                <Textarea
                  value={text(priorityField(id, 'description'))}
                  onChange={onText(priorityField(id, 'description'))}
                  resize="vertical"
                />
              </Field>
              <Field label={s.fields.priority.behaviors} hint={s.onePerLine} validationMessage={errorAt(`priorities.${i}.behaviors`)}>
                <Textarea
                  value={text(priorityField(id, 'behaviors'))}
                  onChange={onText(priorityField(id, 'behaviors'))}
                  resize="vertical"
                />
              </Field>
              <div className={styles.row}>
                <Checkbox
                  label={s.fields.priority.archived}
                  checked={archived}
                  onChange={(_, d) => {
                    setSaved(false);
                    setField(priorityField(id, 'archived'), d.checked === true ? 'true' : '');
                  }}
                />
                <Button onClick={() => removePriority(id)} aria-label={s.removePriority(name || s.priorityN(i + 1))}>
                  {s.remove}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <Button onClick={addPriority}>{s.addPriority}</Button>
        <Field label={s.fields.extraMetrics} hint={s.extraMetricsHint} validationMessage={errorAt('scorecardMetrics')}>
          <Textarea value={text('extraMetrics')} onChange={onText('extraMetrics')} resize="vertical" />
        </Field>
        <Field label={s.fields.checkInQuestions} hint={s.onePerLine} validationMessage={errorAt('checkInQuestions')}>
          <Textarea value={text('checkInQuestions')} onChange={onText('checkInQuestions')} resize="vertical" rows={6} />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={busy || !base}>
            {busy ? s.saving : s.save}
          </Button>
        </div>
      </form>
      <section className={styles.preview} aria-labelledby="checkin-preview-heading">
        <Subtitle2 as="h3" id="checkin-preview-heading">
          {s.previewHeading}
        </Subtitle2>
        <Text weight="semibold">{s.previewTitle}</Text>
        <Text size={200}>{s.previewCadence(cadenceLabel[cadenceValue] ?? cadenceValue)}</Text>
        <ol className={styles.questions} aria-label={s.previewQuestions}>
          {questions.map((q, i) => (
            <li key={`${i}:${q}`} className={styles.question}>
              {q}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
