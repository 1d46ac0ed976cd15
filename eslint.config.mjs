import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer boundaries (see README "Architecture"): pure domain code imports no framework or I/O,
// and only lib/data, the seed, scripts and tests touch the Prisma client.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "@/lib/db*", "@/lib/data/*", "@prisma/*", "pg", "node:*"],
              message: "lib/domain is pure: no framework, database or I/O.",
            },
            {
              // Business rules know nothing of forms, languages, sessions or screens.
              group: ["@/lib/validation*", "@/lib/i18n*", "@/lib/auth*", "@/lib/actions*", "@/lib/http*"],
              message: "lib/domain is pure rules: the caller passes in what it needs.",
            },
            { group: ["@/app*", "@/components*"], message: "lib/domain must not import the UI." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/db", "@/lib/db/*"], message: "Query through lib/data." }] },
      ],
    },
  },
  {
    // Components are used by routes, never the other way round: a route passes its server actions in.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/db/*"], message: "Query through lib/data." },
            {
              group: ["@/app", "@/app/*", "**/app/*"],
              message: "components/ must not import from app/: pass actions and data in as props.",
            },
          ],
        },
      ],
    },
  },
  {
    // Roles are compared in one place, the capability matrix; everything else asks it.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["lib/domain/access.ts", "lib/db/generated/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/] > Literal[value=/^(ADMIN|MANAGER|KAM|REP)$/]",
          message: "Compare roles only in lib/domain/access.ts: ask hasCapability() or canDo() instead.",
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
