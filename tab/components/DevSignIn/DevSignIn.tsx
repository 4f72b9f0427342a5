// Local runs only: the server is in development mode, so a person is picked from the demo people
// instead of signing in. The notice says so plainly; a production server refuses this identity.
import {
  Avatar,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PersonSummary } from '../../../shared/person';
import { usePageTitleStyles } from '../../app/PageFrame';
import { strings } from '../../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingVerticalS,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  person: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    minWidth: 0,
  },
  personText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface DevSignInProps {
  people: PersonSummary[];
  onChoose: (personId: string) => void;
}

export function DevSignIn({ people, onChoose }: DevSignInProps) {
  const styles = useStyles();
  const titleStyles = usePageTitleStyles();
  const s = strings.devSignIn;
  return (
    <section className={styles.root} aria-labelledby="dev-sign-in-title">
      <Title2 as="h1" id="dev-sign-in-title" className={titleStyles.title}>
        {s.title}
      </Title2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.noticeTitle}</MessageBarTitle>
          {s.notice}
        </MessageBarBody>
      </MessageBar>
      <Text as="p" id="dev-sign-in-pick">
        {s.pick}
      </Text>
      {people.length === 0 ? (
        <Text className={styles.empty}>{s.noPeople}</Text>
      ) : (
        <ul className={styles.list} aria-labelledby="dev-sign-in-pick">
          {people.map((p) => (
            <li key={p.id}>
              <Button className={styles.person} appearance="secondary" onClick={() => onChoose(p.id)}>
                <Avatar name={p.displayName} color="colorful" aria-hidden />
                <span className={styles.personText}>
                  <Text weight="semibold">{p.displayName}</Text>
                  <Caption1>{[p.jobTitle, p.timeZone].filter(Boolean).join(' · ')}</Caption1>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
