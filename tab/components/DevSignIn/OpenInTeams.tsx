import { MessageBar, MessageBarBody, MessageBarTitle, Title2 } from '@fluentui/react-components';
import { strings } from '../../strings';

/** The server expects Teams sign-in and this page is not inside Teams: nothing to show here. */
export function OpenInTeams() {
  return (
    <>
      <Title2 as="h1">{strings.app.title}</Title2>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.openInTeams.title}</MessageBarTitle>
          {strings.openInTeams.body}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
