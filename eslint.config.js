// Lint keeps the architecture visible: the pure domain in shared/ imports no SDK and reads no
// environment, and the Bot Framework SDK stays inside bot/teams/ (the adapter layer) so a move to
// the Teams SDK v2 touches only those files.
import tseslint from 'typescript-eslint';

const sdkImports = [
  {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams-ai/*'],
    message: 'The Bot Framework SDK belongs to bot/teams/ only.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'appPackage/build/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: sdkImports }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sdkImports,
            {
              group: ['@azure/*', '@microsoft/*', 'react', 'react-dom', 'react/*', 'express', 'node:*', 'fs', 'path', 'http'],
              message: 'shared/ is the pure domain: no SDKs, no I/O.',
            },
            { group: ['../bot/*', '../tab/*', '../../bot/*', '../../tab/*'], message: 'shared/ depends on nothing else in the project.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'shared/ reads no environment: configuration is parsed in bot/config.ts and passed in.',
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'shared/ is pure: no process access.' }],
    },
  },
  {
    // A Table query filter built by pasting text is an injection ("x' or PartitionKey ne '"): filters
    // are built with the SDK's `odata` tag, which quotes and escapes every value.
    files: ['bot/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TemplateLiteral[parent.type!='TaggedTemplateExpression'] > TemplateElement[value.raw=/\\b(eq|ne|gt|ge|lt|le)\\s/]",
          message: 'Build Table filters with the odata`...` tag from @azure/data-tables, never a plain template literal.',
        },
        {
          selector: "BinaryExpression[operator='+'] > Literal[value=/\\b(eq|ne|gt|ge|lt|le)\\s/]",
          message: 'Build Table filters with the odata`...` tag from @azure/data-tables, never string concatenation.',
        },
        {
          selector:
            "Property[key.name='filter'] > TemplateLiteral, Property[key.name='filter'] > Literal, Property[key.name='filter'] > BinaryExpression",
          message: 'A query filter comes from the odata`...` tag from @azure/data-tables.',
        },
      ],
    },
  },
  {
    files: ['bot/teams/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read response bodies loosely; the assertions are what check their shape.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['tab/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...sdkImports, { group: ['@azure/*', 'express'], message: 'The tab talks to the API, never to storage.' }],
        },
      ],
    },
  },
);
