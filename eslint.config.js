import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "**/.next/**", "**/generated/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-console": "error",
      // A leading underscore marks a binding that is unused on purpose, such as a field taken
      // out of an object with a rest pattern.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The engine's core also runs in the browser for live previews, so only its command line,
    // its course loader, its benchmark and its tests may use Node's modules.
    files: ["packages/theory/src/**/*.ts"],
    ignores: ["packages/theory/src/cli/**", "packages/theory/src/course/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "url"],
              message:
                "The engine's core must stay browser-safe: keep Node APIs in src/cli or src/course.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "scripts/**/*.mjs",
      "apps/*/scripts/**/*.mjs",
      "packages/*/scripts/**/*.mjs",
      "**/*.config.mjs",
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // The app uses the App Router only, and this rule looks for a pages/ folder.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
);
