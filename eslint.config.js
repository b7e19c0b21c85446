import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'bench-output/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Page text is untrusted: never build HTML from strings in shipped code.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with elements or Preact; page text is untrusted.' },
        { property: 'outerHTML', message: 'Build DOM with elements or Preact; page text is untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with elements or Preact; page text is untrusted.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text is untrusted.' },
        { selector: "CallExpression[callee.name='fetch']", message: 'Nothing leaves the browser.' },
        { selector: "NewExpression[callee.name='XMLHttpRequest']", message: 'Nothing leaves the browser.' },
        { selector: "NewExpression[callee.name='WebSocket']", message: 'Nothing leaves the browser.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests build fixtures from markup they write themselves, and drive browsers through any.
    files: ['tests/**', 'scripts/**'],
    rules: {
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
