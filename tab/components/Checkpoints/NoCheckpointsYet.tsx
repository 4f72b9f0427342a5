// The Checkpoints place while a pair has no checkpoint to show.
import { Card, Subtitle1 } from '@fluentui/react-components';
import { strings } from '../../strings';
import { EmptyState } from '../StatusViews/StatusViews';

export default function NoCheckpointsYet() {
  return (
    <Card aria-labelledby="checkpoints-heading">
      <Subtitle1 as="h3" id="checkpoints-heading">
        {strings.checkpointsPending.heading}
      </Subtitle1>
      <EmptyState title={strings.checkpointsPending.emptyTitle} headingLevel="h4">
        {strings.checkpointsPending.emptyBody}
      </EmptyState>
    </Card>
  );
}
