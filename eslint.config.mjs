// typescript-eslint's strict and stylistic type-checked rules over everything we
// write, zero warnings allowed (npm test runs `eslint --max-warnings 0`). Formatting
// is prettier's job, so no formatting rules here. Every change to a preset rule below
// says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'src/vault/stubs/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Counts, sizes and ports in messages are numbers; String(n) everywhere adds noise, not safety.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // This stylistic rule asks for `x!` where strictTypeChecked forbids `x!` (no-non-null-assertion):
      // the two cannot both hold, and we keep the strict one.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Keys of index signatures (process.env, state and input maps) are read with brackets: it shows
      // the key may be absent, and the type (string | undefined) makes the code handle it.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // `(d) => (out += d)` and `() => resolve()` callbacks: the value is not used by the caller.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // The runner hands an unset input, state key or variable over as '': `value || fallback` is
      // the intended reading for strings, `??` would keep the empty string.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },
  {
    // Plain JavaScript (the build script) has no types to check: type-aware rules would only
    // report its parameters as `any`.
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // These tests compare Vault's JSON replies field by field with its documented shapes; the
    // reply has no TypeScript type on purpose (a typed reply would assume what the test checks).
    files: ['test/unit/vault-server.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
