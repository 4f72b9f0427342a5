import { makeStyles, tokens } from '@fluentui/react-components';

export const useDialogFormStyles = makeStyles({
  // The dialog's content scrolls; flex items must not shrink, or a message bar overflows its box.
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  roomy: { gap: tokens.spacingVerticalL },
});
