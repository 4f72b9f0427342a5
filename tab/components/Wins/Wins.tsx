// The pair's wins on the plan page, newest first: what happened, who recognized it, the goal. The
// mentee decides per win whether the program's weekly digest shows it (a switch, saved with the
// version it was read at; a conflict reloads the list and says so).
import { Badge, Button, Caption1, Card, Subtitle1, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TrophyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { WinView } from '../../../shared/api';
import { useApi } from '../../api/ApiContext';
import { ApiError } from '../../api/client';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { formatDate, formatInstantDate } from '../../format';
import { useWins } from '../../hooks/useWins';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { DismissibleNotice, EmptyState, ErrorState, LoadingState, type Notice } from '../StatusViews/StatusViews';
import { WinDialog } from '../../app/lazyParts';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flex: '1 1 240px', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function Wins() {
  const styles = useStyles();
  const { pairId, plan } = usePlanContext();
  const { state, reload } = useWins(pairId);
  const [notice, setNotice] = useState<Notice>();
  const s = strings.wins;
  const mine = plan.viewerRole === 'mentee';
  const addButton = plan.can.addWin && <WinDialog trigger={<Button icon={<TrophyRegular />}>{s.add}</Button>} onAdded={reload} />;
  const wins = state.data?.wins;

  return (
    <Card aria-labelledby="wins-heading">
      <div className={styles.header}>
        <div className={styles.heading}>
          <Subtitle1 as="h3" id="wins-heading">
            {s.heading}
          </Subtitle1>
          <Caption1 className={styles.meta}>{mine ? s.introMentee : s.introMentor(plan.mentee.displayName)}</Caption1>
        </div>
        {wins && wins.length > 0 && addButton}
      </div>
      <div role="status">{notice && <DismissibleNotice notice={notice} onDismiss={() => setNotice(undefined)} />}</div>
      {state.status === 'loading' && <LoadingState label={s.loading} />}
      {state.status === 'error' && !state.data && (
        <ErrorState title={s.loadFailed} message={state.error.message} onRetry={() => void reload()} />
      )}
      {wins && wins.length === 0 && (
        <EmptyState title={s.emptyTitle} headingLevel="h4" action={addButton || undefined}>
          {mine ? s.emptyMentee : s.emptyMentor}
        </EmptyState>
      )}
      {wins && wins.length > 0 && (
        <ul className={styles.list} aria-label={s.listLabel}>
          {wins.map((w) => (
            <WinItem key={w.value.id} win={w} canConsent={mine} onChanged={reload} notify={setNotice} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function WinItem({
  win,
  canConsent,
  onChanged,
  notify,
}: {
  win: WinView;
  canConsent: boolean;
  onChanged: () => Promise<void>;
  notify: (n: Notice | undefined) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const { pairId } = usePlanContext();
  const [busy, setBusy] = useState(false);
  const s = strings.wins;
  const textId = `win-text-${win.value.id}`;
  const { value } = win;

  async function toggle(shareInDigest: boolean) {
    setBusy(true);
    notify(undefined);
    try {
      await call(api, routes.setWinConsent, { params: { pairId, winId: value.id }, body: { shareInDigest }, etag: win.etag });
      await onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) {
        notify({ intent: 'warning', title: strings.errors.conflictTitle, message: s.consentConflict });
        await onChanged();
      } else {
        notify({ intent: 'error', title: s.consentFailed, message: e instanceof ApiError ? e.message : strings.errors.unexpected(0) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={styles.item}>
      <Text id={textId} weight="semibold" className={styles.text}>
        {value.text}
      </Text>
      <Caption1 className={styles.meta}>
        {s.byLine(win.recognizedByName, formatInstantDate(value.at))}
        {win.goalTitle && ` · ${s.goalLine(win.goalTitle)}`}
      </Caption1>
      {value.digestWeek && <Caption1 className={styles.meta}>{s.shownIn(formatDate(value.digestWeek))}</Caption1>}
      {canConsent ? (
        <Switch
          label={busy ? `${s.share} (${s.saving})` : s.share}
          checked={value.shareInDigest}
          disabled={busy}
          aria-describedby={textId}
          onChange={(_, d) => void toggle(d.checked)}
        />
      ) : (
        <div>
          <Badge appearance="tint" color={value.shareInDigest ? 'success' : 'subtle'}>
            {value.shareInDigest ? s.shared : s.notShared}
          </Badge>
        </div>
      )}
    </li>
  );
}
