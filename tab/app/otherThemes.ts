// The dark and high-contrast themes, loaded only for a person who uses one (useFluentTheme.ts).
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
