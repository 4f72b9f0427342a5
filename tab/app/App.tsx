import { FluentProvider, makeStyles, teamsLightTheme, tokens } from '@fluentui/react-components';
import { LoadingState } from '../components/StatusViews/StatusViews';
import { strings } from '../strings';
import { Session } from './Session';
import { useFluentTheme } from './useFluentTheme';
import { useHost } from './useHost';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export function App() {
  const host = useHost();
  const theme = useFluentTheme(host);
  const styles = useStyles();
  return (
    // The page's own look stays on a wrapper: the provider's class also lands on every portal's mount
    // node (dialogs, lists), and a full-height background there would cover the page.
    <FluentProvider theme={theme ?? teamsLightTheme}>
      <div className={styles.root}>
        {host.kind === 'detecting' || !theme ? <LoadingState label={strings.app.starting} /> : <Session host={host} />}
      </div>
    </FluentProvider>
  );
}
