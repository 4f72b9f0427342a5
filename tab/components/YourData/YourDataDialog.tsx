// "Your data" (capability 14): download everything the app holds about you as one JSON file, or
// delete it after a confirmation that names what follows. Opened from the app header.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { DialogFrame, messageOf, type DialogNotice } from '../../forms/DialogFrame';
import { strings } from '../../strings';
import { saveFile } from '../../app/saveFile';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface YourDataDialogProps {
  trigger: ReactElement;
}

export function YourDataDialog({ trigger }: YourDataDialogProps) {
  const styles = useStyles();
  const api = useApi();
  const s = strings.yourData;
  const [busy, setBusy] = useState<'download' | 'delete' | undefined>();
  const [notice, setNotice] = useState<DialogNotice>();
  const [erased, setErased] = useState(false);

  const download = async () => {
    setBusy('download');
    setNotice(undefined);
    try {
      const data = await call(api, routes.exportMyData);
      saveFile(routes.exportMyData.download, JSON.stringify(data, null, 2), 'application/json');
      setNotice({ intent: 'success', text: s.downloaded });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  const erase = async () => {
    setBusy('delete');
    setNotice(undefined);
    try {
      await call(api, routes.eraseMe, { query: { confirm: 'true' } });
      setErased(true);
      setNotice({ intent: 'success', text: s.deleted });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <DialogFrame trigger={trigger} title={s.title} intro={s.intro} notice={notice}>
      {!erased && (
        <div className={styles.actions}>
          <Button icon={<ArrowDownloadRegular />} disabled={busy !== undefined} onClick={() => void download()}>
            {busy === 'download' ? s.downloading : s.download}
          </Button>
          <ConfirmDialog
            trigger={
              <Button icon={<DeleteRegular />} disabled={busy !== undefined}>
                {s.delete}
              </Button>
            }
            title={s.confirmTitle}
            body={
              <ul className={styles.list}>
                {s.consequences.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            }
            confirmLabel={busy === 'delete' ? s.deleting : s.confirm}
            onConfirm={erase}
          />
        </div>
      )}
    </DialogFrame>
  );
}
