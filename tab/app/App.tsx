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
    <FluentProvider theme={theme ?? teamsLightTheme} className={styles.root}>
      {host.kind === 'detecting' || !theme ? <LoadingState label={strings.app.starting} /> : <Session host={host} />}
    </FluentProvider>
  );
}
