import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { FormNotice } from './useSubmit';

/**
 * Why a form was not saved, or that someone else changed it. It sits at the top of a dialog whose
 * content may be scrolled down to the last field, so it scrolls itself into view.
 */
export function FormNoticeBar({ notice }: { notice: FormNotice | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [notice]);
  if (!notice) return null;
  return (
    <MessageBar ref={ref} intent={notice.intent} layout="multiline" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.message}
      </MessageBarBody>
    </MessageBar>
  );
}
