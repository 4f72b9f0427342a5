// Fluent's tabs, for a person in more than one pair: most people have one, so the tabs load only
// when a page needs them.
export { Tab, TabList } from '@fluentui/react-components';
