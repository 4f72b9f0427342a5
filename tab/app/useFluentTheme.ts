// Inside Teams the tab follows the Teams theme; in a browser it follows the system's colour scheme
// (and forced colours, the browser's high-contrast mode).
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host, TeamsTheme } from './useHost';

const teamsThemes: Record<TeamsTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

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

export function useFluentTheme(host: Host): Theme {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const forcedColors = useMediaQuery('(forced-colors: active)');
  if (host.kind === 'teams') return teamsThemes[host.theme];
  if (forcedColors) return teamsHighContrastTheme;
  return dark ? teamsDarkTheme : teamsLightTheme;
}
