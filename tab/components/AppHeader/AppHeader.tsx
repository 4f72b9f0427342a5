import {
  Avatar,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PersonSummary } from '../../../shared/person';
import { PersonInfoRegular } from '@fluentui/react-icons';
import { YourDataDialog } from '../../app/lazyParts';
import { usePageTitleStyles } from '../../app/PageFrame';
import { strings } from '../../strings';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
});

export interface DevIdentity {
  person: PersonSummary;
  onSwitch: () => void;
}

export interface AppHeaderProps {
  person?: PersonSummary;
  devIdentity?: DevIdentity;
}

export function AppHeader({ person, devIdentity }: AppHeaderProps) {
  const styles = useStyles();
  const titleStyles = usePageTitleStyles();
  const shown = person ?? devIdentity?.person;
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <Title2 as="h1" className={titleStyles.title}>
          {strings.app.title}
        </Title2>
        {shown && (
          <div className={styles.person}>
            <Avatar name={shown.displayName} size={32} color="colorful" aria-hidden />
            <Text className={styles.name} weight="semibold">
              {shown.displayName}
            </Text>
            <YourDataDialog trigger={<Button icon={<PersonInfoRegular />}>{strings.yourData.open}</Button>} />
          </div>
        )}
      </div>
      {devIdentity && (
        <MessageBar intent="warning" aria-label={strings.devSignIn.noticeTitle}>
          <MessageBarBody>{strings.devSignIn.actingAs(devIdentity.person.displayName)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={devIdentity.onSwitch}>{strings.devSignIn.switchPerson}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </header>
  );
}
