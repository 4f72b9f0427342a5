// Enrolment, for the program's managers: who is enrolled and as what, who has not installed the app
// (and how to reach them), adding one person, and importing a cohort file.
import { Button, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { routes } from '../../../shared/api/routes';
import type { EnrolledView, EnrolmentListView } from '../../../shared/program/enrolment';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { ApiError } from '../../api/client';
import { useResource } from '../../hooks/useResource';
import { DismissibleNotice, ErrorState, LoadingState, type Notice } from '../StatusViews/StatusViews';
import { AddPersonForm } from './AddPersonForm';
import { CohortImport } from './CohortImport';
import { enrolmentStrings as s } from './enrolmentStrings';
import { ListTable } from './ListTable';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingTop: tokens.spacingVerticalM },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  link: { wordBreak: 'break-all' },
});

export default function EnrolmentView({ programId }: { programId: string }) {
  const api = useApi();
  const styles = useStyles();
  const enrolled = useResource(`enrolments:${programId}`, () => call(api, routes.listEnrolments, { params: { programId } }));
  const [notice, setNotice] = useState<Notice>();

  if (enrolled.state.status === 'loading') return <LoadingState label={s.loading} />;
  if (enrolled.state.status === 'error' && !enrolled.state.data)
    return <ErrorState title={s.loadFailed} message={enrolled.state.error.message} onRetry={() => void enrolled.reload()} />;
  const view = enrolled.state.data!;

  const remove = async ({ enrolment }: EnrolledView) => {
    const { personId, role, displayName } = enrolment.value;
    try {
      await call(api, routes.removeEnrolment, { params: { programId, personId }, query: { role } });
      setNotice({ intent: 'success', title: s.removedTitle, message: s.removed(displayName) });
    } catch (e) {
      setNotice({ intent: 'error', title: s.notRemovedTitle, message: e instanceof ApiError ? e.message : s.notRemovedTitle });
    }
    await enrolled.reload();
  };

  return (
    <div className={styles.view}>
      {notice && <DismissibleNotice notice={notice} onDismiss={() => setNotice(undefined)} />}
      <section className={styles.part} aria-labelledby="enrolled-heading">
        <Subtitle2 as="h3" id="enrolled-heading">
          {s.enrolledHeading}
        </Subtitle2>
        {view.enrolled.length === 0 ? <Text>{s.enrolledEmpty}</Text> : <EnrolledTable view={view} onRemove={remove} />}
      </section>
      <NotInstalled view={view} />
      <section className={styles.part} aria-labelledby="add-person-heading">
        <Subtitle2 as="h3" id="add-person-heading">
          {s.addHeading}
        </Subtitle2>
        <AddPersonForm programId={programId} onEnrolled={() => void enrolled.reload()} />
      </section>
      <section className={styles.part} aria-labelledby="cohort-import-heading">
        <Subtitle2 as="h3" id="cohort-import-heading">
          {s.importHeading}
        </Subtitle2>
        <CohortImport programId={programId} onImported={() => void enrolled.reload()} />
      </section>
    </div>
  );
}

function EnrolledTable({ view, onRemove }: { view: EnrolmentListView; onRemove: (e: EnrolledView) => Promise<void> }) {
  const c = s.columns;
  return (
    <ListTable
      label={s.tableLabel}
      headings={[c.name, c.role, c.capacity, c.timeZone, c.cohort, c.app, c.actions]}
      items={view.enrolled}
      keyOf={({ enrolment: { value: e } }) => `${e.personId}|${e.role}`}
      cellsOf={(entry) => {
        const e = entry.enrolment.value;
        return [
          e.displayName,
          s.roles[e.role],
          e.role === 'mentor' ? e.mentorCapacity : '–',
          e.timeZone,
          e.cohort ?? '–',
          entry.installed ? s.installed : s.notInstalled,
          <Button key="remove" size="small" onClick={() => void onRemove(entry)} aria-label={s.remove(e.displayName, s.roles[e.role])}>
            {s.removeButton}
          </Button>,
        ];
      }}
    />
  );
}

function NotInstalled({ view }: { view: EnrolmentListView }) {
  const styles = useStyles();
  const names = [
    ...new Map(view.enrolled.filter((e) => !e.installed).map((e) => [e.enrolment.value.personId, e.enrolment.value])).values(),
  ];
  if (view.enrolled.length === 0) return null;
  return (
    <section className={styles.part} aria-labelledby="not-installed-heading">
      <Subtitle2 as="h3" id="not-installed-heading">
        {s.notInstalledHeading}
      </Subtitle2>
      {names.length === 0 ? (
        <Text>{s.allInstalled}</Text>
      ) : (
        <>
          <Text>{s.notInstalledIntro(names.length)}</Text>
          <ul className={styles.list} aria-label={s.notInstalledListLabel}>
            {names.map((p) => (
              <li key={p.personId}>{p.displayName}</li>
            ))}
          </ul>
          <Text>
            {s.setupPolicy}{' '}
            <Link href={view.installHelp.setupPolicyDocs} target="_blank" rel="noreferrer">
              {s.setupPolicyLink}
            </Link>
            .
          </Text>
          <Text>
            {s.shareLinkIntro}{' '}
            <Link className={styles.link} href={view.installHelp.shareLink} target="_blank" rel="noreferrer">
              {view.installHelp.shareLink}
            </Link>
          </Text>
        </>
      )}
    </section>
  );
}
