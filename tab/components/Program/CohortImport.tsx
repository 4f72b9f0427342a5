// A cohort file: choosing it runs the dry run, which lists every problem by line and column; the
// import button stays off until the file has none, and then enrols everyone in it or nobody.
import { Button, Label, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import { routes } from '../../../shared/api/routes';
import { cohortColumnHelp, cohortColumns, cohortTemplate } from '../../../shared/program/cohortFormat';
import type { CohortImportView } from '../../../shared/program/enrolment';
import { useApi } from '../../api/ApiContext';
import { urlFor, type ResponseOf } from '../../../shared/api/route';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useSubmit } from '../../forms/useSubmit';
import { enrolmentStrings as s } from './enrolmentStrings';
import { saveFile } from '../../app/saveFile';
import { ListTable } from './ListTable';

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  fileField: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function CohortImport({ programId, onImported }: { programId: string; onImported: () => void }) {
  const api = useApi();
  const styles = useStyles();
  const [csv, setCsv] = useState<string>();
  const [dryRun, setDryRun] = useState<CohortImportView>();
  const [imported, setImported] = useState<number>();
  const check = useSubmit();
  const apply = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId('cohort-file');

  // The file goes as it is (text/csv): a large cohort stays within what the API reads, as JSON would not.
  const sendFile = (text: string, dryRun: boolean) =>
    api.request<ResponseOf<typeof routes.importCohort>>('POST', urlFor(routes.importCohort, { programId }, { dryRun }), {
      body: text,
      contentType: 'text/csv',
    });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDryRun(undefined);
    setImported(undefined);
    setCsv(undefined);
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    await check.run(async () => setDryRun(await sendFile(text, true)));
  };

  const onImport = async () => {
    if (!csv) return;
    await apply.run(async () => {
      const result = await sendFile(csv, false);
      setImported(result.imported);
      setDryRun(undefined);
      setCsv(undefined);
      if (fileInput.current) fileInput.current.value = '';
      onImported();
    });
  };

  const problems = dryRun?.problems ?? [];
  const ready = dryRun !== undefined && problems.length === 0 && dryRun.people.length > 0;
  return (
    <div className={styles.part}>
      <Text>{s.importIntro}</Text>
      <div>
        <Button onClick={() => saveFile(routes.getCohortTemplate.download, cohortTemplate, 'text/csv')}>{s.template}</Button>
      </div>
      <details>
        <summary>{s.columnsHelp}</summary>
        <ListTable
          label={s.columnsHelp}
          headings={[s.columnHelpColumns.column, s.columnHelpColumns.meaning]}
          items={cohortColumns}
          keyOf={(c) => c}
          cellsOf={(c) => [<code key="name">{c}</code>, cohortColumnHelp[c]]}
        />
      </details>
      <div className={styles.fileField}>
        <Label htmlFor={fileId}>{s.file}</Label>
        <input id={fileId} type="file" accept=".csv,text/csv" ref={fileInput} onChange={(e) => void onFile(e)} />
      </div>
      <FormNoticeBar notice={check.notice ?? apply.notice} />
      {check.busy && <Text role="status">{s.checking}</Text>}
      {imported !== undefined && (
        <Text role="status" weight="semibold">
          {s.imported(imported)}
        </Text>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="cohort-problems-heading" className={styles.part}>
          <Text as="h4" weight="semibold" id="cohort-problems-heading">
            {s.problemsHeading(problems.length)}
          </Text>
          <Text role="alert">{s.fixAndChoose}</Text>
          <ListTable
            label={s.problemsLabel}
            headings={[s.problemColumns.line, s.problemColumns.column, s.problemColumns.problem]}
            items={problems}
            keyOf={(p, i) => `${p.line}-${p.column ?? ''}-${i}`}
            cellsOf={(p) => [p.line > 0 ? p.line : '–', p.column ?? '–', p.message]}
          />
        </section>
      )}
      {ready && <Text role="status">{s.ready(dryRun.people.length)}</Text>}
      <div>
        <Button appearance="primary" disabled={!ready || apply.busy} onClick={() => void onImport()}>
          {apply.busy ? s.importing : s.importButton}
        </Button>
      </div>
    </div>
  );
}
