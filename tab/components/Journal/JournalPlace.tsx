// The Journal place of a plan: one timeline of everything in the pair, newest first, with filters
// by kind, goal and dates, "load more" for older pages, notes either person writes (rendered from
// simple Markdown, never as raw HTML), and the mentee's switch to share one entry with the program.
import { Badge, Button, Caption1, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import Markdown from 'react-markdown';
import { routes } from '../../../shared/api/routes';
import type { z } from 'zod';
import type { JournalEntryView, journalQuery } from '../../../shared/journal/journalApi';
import { journalEntryKind, type JournalEntryKind } from '../../../shared/journal/journalEntry';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { ApiError } from '../../api/client';
import { formatInstant } from '../../format';
import { strings } from '../../strings';
import { memberOf, usePlanContext } from '../PlanPage/PlanContext';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { GoalOptions } from '../Goal/GoalOptions';
import { PlaceFrame, PlaceNotice, usePlaceStyles } from '../PlaceFrame/PlaceFrame';
import { ChoiceOptions } from '../../forms/ChoiceOptions';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, border: 'none', margin: 0, padding: 0 },
  filter: { flex: '1 1 160px', minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { overflowWrap: 'anywhere', '& p': { margin: 0 } },
});

type Kind = JournalEntryKind;
interface Filters {
  kind: Kind | '';
  goalId: string;
  from: string;
  to: string;
}
const noFilters: Filters = { kind: '', goalId: '', from: '', to: '' };
type Notice = { intent: 'success' | 'error'; message: string };

const queryOf = (f: Filters, cursor?: string): z.input<typeof journalQuery> => ({
  ...(f.kind ? { kind: f.kind } : {}),
  ...(f.goalId ? { goalId: f.goalId } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
  ...(cursor ? { cursor } : {}),
});

/** Notes and feedback keep their text: shown from simple Markdown, without raw HTML. */
function EntryText({ text }: { text: string }) {
  return (
    <Markdown skipHtml disallowedElements={['img']} unwrapDisallowed>
      {text}
    </Markdown>
  );
}

function NoteEditor({
  initial,
  onSave,
  onCancel,
  label,
}: {
  initial?: { body: string; visibility: 'private' | 'pair' };
  onSave: (body: string, visibility: 'private' | 'pair') => Promise<boolean>;
  onCancel?: () => void;
  label: string;
}) {
  const styles = usePlaceStyles();
  const s = strings.journal;
  const [body, setBody] = useState(initial?.body ?? '');
  const [visibility, setVisibility] = useState<'private' | 'pair'>(initial?.visibility ?? 'pair');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className={styles.column}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onSave(body, visibility).then((saved) => {
          setBusy(false);
          if (saved && !initial) setBody('');
        });
      }}
    >
      <Field label={s.noteLabel} hint={s.noteHint}>
        <Textarea value={body} maxLength={1000} resize="vertical" onChange={(_, d) => setBody(d.value)} />
      </Field>
      <Field label={s.noteVisibility} hint={s.visibilityHint[visibility]}>
        <Select value={visibility} onChange={(_, d) => setVisibility(d.value as 'private' | 'pair')}>
          <option value="pair">{s.visibility.pair}</option>
          <option value="private">{s.visibility.private}</option>
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || body.trim() === ''}>
          {initial ? s.saveEdit : s.save}
        </Button>
        {onCancel && <Button onClick={onCancel}>{s.cancel}</Button>}
      </div>
    </form>
  );
}

export default function JournalPlace() {
  const styles = { ...usePlaceStyles(), ...useStyles() };
  const api = useApi();
  const { pairId, plan } = usePlanContext();
  const s = strings.journal;
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<JournalEntryView[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const generation = useRef(0);

  const load = useCallback(
    async (f: Filters, after?: string) => {
      const mine = ++generation.current;
      if (!after) setStatus('loading');
      try {
        const page = await call(api, routes.getJournal, { params: { pairId }, query: queryOf(f, after) });
        if (mine !== generation.current) return;
        setEntries((prev) => (after ? [...prev, ...page.entries] : page.entries));
        setCursor(page.nextCursor);
        setStatus('ready');
      } catch (e) {
        if (mine !== generation.current) return;
        setError(e instanceof ApiError ? e.message : String(e));
        setStatus('error');
      }
    },
    [api, pairId],
  );

  useEffect(() => {
    void load(filters);
  }, [load, filters]);

  /** Runs a change; a conflict reloads the journal and says so. */
  async function change(run: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await run();
      setNotice({ intent: 'success', message: done });
      setEditing(undefined);
      await load(filters);
      return true;
    } catch (e) {
      const conflict = e instanceof ApiError && e.status === 409;
      setNotice({ intent: 'error', message: conflict ? s.conflict : e instanceof ApiError ? e.message : s.failed });
      if (conflict) await load(filters);
      return false;
    }
  }

  const setFilter = (key: keyof Filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const nameOf = (id: string) => memberOf(plan, id)?.name ?? s.someone;

  return (
    <PlaceFrame id="journal" heading={s.heading} intro={s.intro}>
      <div role="status">{notice && <PlaceNotice intent={notice.intent}>{notice.message}</PlaceNotice>}</div>

      {plan.can.editPlan && (
        <NoteEditor
          label={s.newNote}
          onSave={(body, visibility) =>
            change(() => call(api, routes.createNote, { params: { pairId }, body: { body, visibility } }), s.saved)
          }
        />
      )}

      <fieldset className={styles.filters}>
        <legend className={styles.meta}>{s.filters}</legend>
        <Field className={styles.filter} label={s.kind}>
          <Select value={filters.kind} onChange={(_, d) => setFilter('kind', d.value)}>
            <option value="">{s.allKinds}</option>
            <ChoiceOptions values={journalEntryKind.options} labels={s.kinds} />
          </Select>
        </Field>
        <Field className={styles.filter} label={s.goal}>
          <Select value={filters.goalId} onChange={(_, d) => setFilter('goalId', d.value)}>
            <GoalOptions goals={plan.goals} none={s.allGoals} />
          </Select>
        </Field>
        <Field className={styles.filter} label={s.from}>
          <Input type="date" value={filters.from} onChange={(_, d) => setFilter('from', d.value)} />
        </Field>
        <Field className={styles.filter} label={s.to}>
          <Input type="date" value={filters.to} onChange={(_, d) => setFilter('to', d.value)} />
        </Field>
      </fieldset>

      {status === 'loading' && <LoadingState label={s.loading} />}
      {status === 'error' && <ErrorState title={s.loadFailed} message={error} onRetry={() => void load(filters)} />}
      {status === 'ready' && entries.length === 0 && <Text>{s.empty}</Text>}
      {status === 'ready' && entries.length > 0 && (
        <ol className={styles.list} aria-label={s.timeline}>
          {entries.map(({ value: entry, etag, can }) => (
            <li key={entry.id} className={styles.item} aria-labelledby={`journal-${entry.id}`}>
              <div className={styles.itemHeader}>
                <Badge appearance="tint">{s.kinds[entry.kind]}</Badge>
                <Badge appearance="outline" color={entry.visibility === 'program' ? 'brand' : 'informative'}>
                  {s.visibility[entry.visibility]}
                </Badge>
                <Caption1 className={styles.meta}>{s.by(nameOf(entry.authorId), formatInstant(entry.at))}</Caption1>
              </div>
              <Text weight="semibold" id={`journal-${entry.id}`} className={styles.body}>
                {entry.kind === 'note' ? null : entry.summary}
              </Text>
              {editing === entry.id && entry.kind === 'note' ? (
                <NoteEditor
                  label={s.edit}
                  initial={{ body: entry.body ?? '', visibility: entry.visibility === 'private' ? 'private' : 'pair' }}
                  onCancel={() => setEditing(undefined)}
                  onSave={(body, visibility) =>
                    change(
                      () =>
                        call(api, routes.updateNote, {
                          params: { pairId, entryId: entry.id },
                          // The visibility goes only when changed: a shared note stays shared while its text is edited.
                          body: visibility === (entry.visibility === 'private' ? 'private' : 'pair') ? { body } : { body, visibility },
                          etag,
                        }),
                      s.saved,
                    )
                  }
                />
              ) : (
                (entry.kind === 'note' || entry.body) && (
                  <div className={styles.body}>
                    <EntryText text={entry.body ?? entry.summary} />
                  </div>
                )
              )}
              {(can.edit || can.delete || can.share || can.unshare) && editing !== entry.id && (
                <div className={styles.actions}>
                  {can.edit && <Button onClick={() => setEditing(entry.id)}>{s.edit}</Button>}
                  {can.delete && (
                    <Button
                      onClick={() =>
                        void change(() => call(api, routes.deleteNote, { params: { pairId, entryId: entry.id }, etag }), s.deleted)
                      }
                    >
                      {s.delete}
                    </Button>
                  )}
                  {can.share && (
                    <Button
                      onClick={() =>
                        void change(
                          () => call(api, routes.setEntrySharing, { params: { pairId, entryId: entry.id }, body: { shared: true }, etag }),
                          s.sharedNotice,
                        )
                      }
                    >
                      {s.share}
                    </Button>
                  )}
                  {can.unshare && (
                    <Button
                      onClick={() =>
                        void change(
                          () => call(api, routes.setEntrySharing, { params: { pairId, entryId: entry.id }, body: { shared: false }, etag }),
                          s.unsharedNotice,
                        )
                      }
                    >
                      {s.unshare}
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {status === 'ready' && cursor && <Button onClick={() => void load(filters, cursor)}>{s.loadMore}</Button>}
    </PlaceFrame>
  );
}
