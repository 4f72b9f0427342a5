// A dialog (or menu) whose code downloads when its trigger is first used, so the first view does
// not carry every form. Until then the trigger alone is shown; pointing at it or focusing it starts the
// download, and a click opens the dialog as soon as it has arrived. Focus moves to the real trigger
// first, so closing the dialog returns focus where the person left it.
import { Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { cloneElement, useEffect, useRef, useState, type ComponentType, type ReactElement, type SyntheticEvent } from 'react';
import { strings } from '../strings';

const useStyles = makeStyles({
  // The wrapper only lets the trigger be found again; it takes no part in layout.
  host: { display: 'contents' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

type TriggerProps = {
  onClick?: (e: SyntheticEvent) => void;
  onFocus?: (e: SyntheticEvent) => void;
  onPointerEnter?: (e: SyntheticEvent) => void;
};

/** The trigger a dialog is given, for `lazyDialog`'s stand-in. */
export const givenTrigger = (props: { trigger: ReactElement }) => props.trigger;

/**
 * `Component` (loaded by `load`) with a stand-in until it is used: `standIn` draws its trigger as
 * the real one looks, e.g. `givenTrigger` for a dialog that takes its trigger as a prop.
 */
export function lazyDialog<P extends object>(
  load: () => Promise<ComponentType<P>>,
  standIn: (props: P) => ReactElement,
): (props: P) => ReactElement {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    );
    return loading;
  };

  return function LazyDialog(props: P) {
    const styles = useStyles();
    const host = useRef<HTMLSpanElement>(null);
    // Held in an object: a component given to useState directly would be called as an initializer.
    const [dialog, setDialog] = useState(() => (loaded ? { Component: loaded } : undefined));
    const [status, setStatus] = useState<'idle' | 'loading' | 'failed'>('idle');
    const openWhenLoaded = useRef(false);

    useEffect(() => {
      if (!dialog || !openWhenLoaded.current) return;
      openWhenLoaded.current = false;
      // A task later, not now: Fluent's focus manager (tabster) learns from a DOM observer that the
      // new trigger is where focus returns on close, and must have seen it before it gets focus.
      const timer = setTimeout(() => {
        const trigger = host.current?.firstElementChild;
        if (!(trigger instanceof HTMLElement)) return;
        trigger.focus();
        trigger.click();
      });
      return () => clearTimeout(timer);
    }, [dialog]);

    if (dialog) {
      const { Component } = dialog;
      return (
        <span ref={host} className={styles.host}>
          <Component {...props} />
        </span>
      );
    }

    const open = () => {
      setStatus('loading');
      openWhenLoaded.current = true;
      preload().then(
        (Component) => setDialog({ Component }),
        () => setStatus('failed'),
      );
    };
    const given = standIn(props) as ReactElement<TriggerProps>;
    const own = given.props;
    const trigger = cloneElement(given, {
      onClick: (e: SyntheticEvent) => {
        own.onClick?.(e);
        if (status !== 'loading') open();
      },
      onFocus: (e: SyntheticEvent) => {
        own.onFocus?.(e);
        void preload().catch(() => undefined);
      },
      onPointerEnter: (e: SyntheticEvent) => {
        own.onPointerEnter?.(e);
        void preload().catch(() => undefined);
      },
    });
    return (
      <span ref={host} className={styles.host}>
        {trigger}
        {status === 'loading' && <Spinner size="extra-tiny" label={strings.app.opening} />}
        {status === 'failed' && (
          <Caption1 role="alert" className={styles.failed}>
            {strings.app.openFailed}
          </Caption1>
        )}
      </span>
    );
  };
}
