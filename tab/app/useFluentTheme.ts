// Inside Teams the tab follows the Teams theme; in a browser it follows the system's colour scheme
// (and forced colours, the browser's high-contrast mode). The light theme comes with the page; the
// dark and high-contrast ones download when first wanted, so most first views do not carry them.
import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type * as OtherThemesModule from './otherThemes';
import type { Host, TeamsTheme } from './useHost';

type OtherThemes = typeof OtherThemesModule;
let otherThemes: OtherThemes | undefined;

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

function useOtherThemes(wanted: boolean): OtherThemes | undefined {
  const [loaded, setLoaded] = useState(otherThemes);
  useEffect(() => {
    if (!wanted || loaded) return;
    let active = true;
    // A failed download leaves the light theme in place; the next change of theme tries again.
    void import('./otherThemes').then(
      (m) => {
        otherThemes = m;
        if (active) setLoaded(m);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [wanted, loaded]);
  return loaded;
}

/** The theme to render with; undefined only at the start, while a non-light theme downloads. */
export function useFluentTheme(host: Host): Theme | undefined {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const forcedColors = useMediaQuery('(forced-colors: active)');
  const wanted: TeamsTheme = host.kind === 'teams' ? host.theme : forcedColors ? 'contrast' : dark ? 'dark' : 'default';
  const others = useOtherThemes(wanted !== 'default');
  let theme: Theme | undefined;
  if (wanted === 'default') theme = teamsLightTheme;
  else if (others) theme = wanted === 'dark' ? others.teamsDarkTheme : others.teamsHighContrastTheme;
  // On a later change the page keeps its current theme until the new one is here.
  const last = useRef<Theme | undefined>(undefined);
  if (theme) last.current = theme;
  return theme ?? last.current;
}
