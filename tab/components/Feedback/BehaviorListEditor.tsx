// The behaviors respondents rate: prefilled from the goal's strategic priority, each removable, and
// the mentee's own added below (at most limits.behaviors, each once).
import { Button, Caption1, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent } from 'react';
import { limits } from '../../../shared/limits';
import type { FieldErrors } from '../../forms/fieldErrors';
import { strings } from '../../strings';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  text: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  itemError: { color: tokens.colorPaletteRedForeground1 },
  adder: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  // Level with the input whatever message shows under it: below the label's line, padding and margin.
  addButton: { flexShrink: 0, marginTop: `calc(${tokens.lineHeightBase300} + 3 * ${tokens.spacingVerticalXXS})` },
  adderField: { flex: '1 1 auto', minWidth: 0 },
  adderInput: { width: '100%', minWidth: 0 },
});

export interface BehaviorListEditorProps {
  behaviors: string[];
  onChange: (behaviors: string[]) => void;
  errors: FieldErrors;
}

export function BehaviorListEditor({ behaviors, onChange, errors }: BehaviorListEditorProps) {
  const styles = useStyles();
  const s = strings.feedback.form;
  const legendId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string>();
  const full = behaviors.length >= limits.behaviors;

  function addDraft() {
    const behavior = draft.trim().slice(0, limits.shortText);
    if (!behavior) return;
    if (behaviors.some((b) => b.toLowerCase() === behavior.toLowerCase())) return setDraftError(s.behaviorListed);
    onChange([...behaviors, behavior]);
    setDraft('');
    setDraftError(undefined);
  }
  // Enter adds the behavior; it must not send the whole form.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    addDraft();
  };

  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId} aria-describedby={hintId}>
      <legend id={legendId} className={styles.legend}>
        {s.behaviors}
      </legend>
      <Caption1 id={hintId} className={styles.hint}>
        {s.behaviorsHint(limits.behaviors)}
      </Caption1>
      {behaviors.length > 0 && (
        <ul className={styles.list} aria-labelledby={legendId}>
          {behaviors.map((b, i) => (
            <li key={b} className={styles.item}>
              <Text className={styles.text}>
                {b}
                {errors[`behaviors.${i}`] && (
                  <Caption1 block className={styles.itemError}>
                    {errors[`behaviors.${i}`]}
                  </Caption1>
                )}
              </Text>
              <Button
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={s.removeBehavior(b)}
                onClick={() => onChange(behaviors.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.adder}>
        <Field
          className={styles.adderField}
          label={s.newBehavior}
          validationMessage={draftError ?? errors.behaviors ?? (full ? s.behaviorsFull(limits.behaviors) : undefined)}
          validationState={draftError || errors.behaviors ? 'error' : full ? 'none' : undefined}
        >
          <Input
            className={styles.adderInput}
            value={draft}
            maxLength={limits.shortText}
            disabled={full}
            onChange={(_, d) => {
              setDraft(d.value);
              setDraftError(undefined);
            }}
            onKeyDown={onKeyDown}
          />
        </Field>
        <Button className={styles.addButton} icon={<AddRegular />} disabled={full || !draft.trim()} onClick={addDraft}>
          {s.addBehavior}
        </Button>
      </div>
    </fieldset>
  );
}
