// Lint for the console: every user-visible text comes from the message catalogue (src/i18n), so a translation
// needs no code change. JSX text, strings inside JSX expressions and the attributes a person reads or hears
// (aria-label, title, placeholder, alt, label) must be `t("key")`, never a literal. `npm run lint`.
import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "src/api/schema.d.ts"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser },
    plugins: { i18next, "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { include: ["aria-label", "title", "placeholder", "alt", "label", "aria-description"] },
          "should-validate-template": true,
          // A token joined by - _ . / or : is code, not text: an id, a CSS class, a route, an event type.
          words: { exclude: [/^[\p{P}\p{S}\p{N}\s]*$/u, /^[A-Z_-]+$/, /^[-_./]*[a-z0-9]+([-_./:]+[a-z0-9]+)+[-_./]*$/, /^[-_./:][a-z0-9]+$/] },
          // Calls whose string arguments are names, not text (t's own key; form field names; permissions).
          callees: {
            exclude: ["t", "require", "addEventListener", "removeEventListener", "includes", "indexOf", "endsWith", "startsWith", "field", "isAllowed", "text", "flag", "button", "navigate", "querySelector"],
          },
          "object-properties": { exclude: ["[A-Z_-]+", "type", "inputMode", "autoComplete", "id", "name", "kind", "tone", "role", "value", "key", "mode", "status", "variant", "className"] },
          message: "text outside the message catalogue (src/i18n/en.ts); use t(key)",
        },
      ],
    },
  },
  { files: ["src/**/*.test.{ts,tsx}", "src/test/**"], rules: { "i18next/no-literal-string": "off" } },
);
