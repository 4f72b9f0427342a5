// The Journal place of a plan: one timeline of everything in the pair.
import { Card, Subtitle1 } from '@fluentui/react-components';
import { strings } from '../../strings';

export default function JournalPlace() {
  return (
    <Card aria-labelledby="journal-heading">
      <Subtitle1 as="h3" id="journal-heading">
        {strings.places.journal}
      </Subtitle1>
    </Card>
  );
}
