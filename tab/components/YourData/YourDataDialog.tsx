// "Your data" (capability 14): download everything the app holds about you as one JSON file, or
// delete it after a confirmation that names what follows. Opened from the app header.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { strings } from '../../strings';
import { saveFile } from '../../app/saveFile';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface YourDataDialogProps {
  trigger: ReactElement;
}

type Notice = { intent: 'success' | 'error'; text: string } | undefined;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function YourDataDialog({ trigger }: YourDataDialogProps) {
  const styles = useStyles();
  const api = useApi();
  const s = strings.yourData;
  const [busy, setBusy] = useState<'download' | 'delete' | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [confirming, setConfirming] = useState(false);
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
      setConfirming(false);
      setNotice({ intent: 'success', text: s.deleted });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{s.intro}</Text>
            {notice && (
              <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
            {!erased && (
              <div className={styles.actions}>
                <Button icon={<ArrowDownloadRegular />} disabled={busy !== undefined} onClick={() => void download()}>
                  {busy === 'download' ? s.downloading : s.download}
                </Button>
                <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)} modalType="alert">
                  <DialogTrigger disableButtonEnhancement>
                    <Button icon={<DeleteRegular />} disabled={busy !== undefined}>
                      {s.delete}
                    </Button>
                  </DialogTrigger>
                  <DialogSurface>
                    <DialogBody>
                      <DialogTitle>{s.confirmTitle}</DialogTitle>
                      <DialogContent>
                        <ul className={styles.list}>
                          {s.consequences.map((line) => (
                            <li key={line}>{line}</li>
                          ))}
                        </ul>
                      </DialogContent>
                      <DialogActions>
                        <DialogTrigger disableButtonEnhancement>
                          <Button appearance="secondary">{strings.common.cancel}</Button>
                        </DialogTrigger>
                        <Button appearance="primary" disabled={busy !== undefined} onClick={() => void erase()}>
                          {busy === 'delete' ? s.deleting : s.confirm}
                        </Button>
                      </DialogActions>
                    </DialogBody>
                  </DialogSurface>
                </Dialog>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{strings.common.close}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
