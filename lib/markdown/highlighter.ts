/**
 * One shared shiki highlighter for the whole server process.
 *
 * Created lazily on first use with a fixed language list, two themes and the
 * Oniguruma (WebAssembly) engine. The promise is stored on globalThis so that
 * dev-mode module reloads do not create a new highlighter each time.
 */
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createOnigurumaEngine } from "shiki/engine/oniguruma";

// High-contrast variants: every token color stands out 4.5:1 from the background (code-theme.test.ts).
export const LIGHT_THEME = "github-light-high-contrast";
export const DARK_THEME = "github-dark-high-contrast";

/** Canonical names of the languages we load (plus `text`, built in). */
export const SUPPORTED_LANGUAGES = [
  "python",
  "typescript",
  "tsx",
  "javascript",
  "jsx",
  "json",
  "bash",
  "go",
  "rust",
  "sql",
  "java",
  "cpp",
  "c",
  "yaml",
  "diff",
  "html",
  "css",
  "toml",
  "dockerfile",
  "text",
] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const ALIASES: Record<string, SupportedLanguage> = {
  py: "python",
  python3: "python",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  sh: "bash",
  shell: "bash",
  shellscript: "bash",
  zsh: "bash",
  console: "bash",
  "shell-session": "bash",
  golang: "go",
  rs: "rust",
  "c++": "cpp",
  cc: "cpp",
  cxx: "cpp",
  hpp: "cpp",
  h: "c",
  yml: "yaml",
  patch: "diff",
  htm: "html",
  docker: "dockerfile",
  plaintext: "text",
  plain: "text",
  txt: "text",
};

const SUPPORTED = new Set<string>(SUPPORTED_LANGUAGES);

/**
 * Map a fence language (any case, aliases allowed) to a loaded language.
 * Unknown or missing languages become `text` (plain, not highlighted).
 */
export function resolveLanguage(fenceLang: string | undefined): SupportedLanguage {
  const name = (fenceLang ?? "").trim().toLowerCase();
  const canonical = ALIASES[name] ?? name;
  return SUPPORTED.has(canonical) ? (canonical as SupportedLanguage) : "text";
}

function createHighlighter(): Promise<HighlighterCore> {
  return createHighlighterCore({
    themes: [
      import("shiki/themes/github-light-high-contrast.mjs"),
      import("shiki/themes/github-dark-high-contrast.mjs"),
    ],
    langs: [
      import("shiki/langs/python.mjs"),
      import("shiki/langs/typescript.mjs"),
      import("shiki/langs/tsx.mjs"),
      import("shiki/langs/javascript.mjs"),
      import("shiki/langs/jsx.mjs"),
      import("shiki/langs/json.mjs"),
      import("shiki/langs/shellscript.mjs"), // registers the `bash` alias
      import("shiki/langs/go.mjs"),
      import("shiki/langs/rust.mjs"),
      import("shiki/langs/sql.mjs"),
      import("shiki/langs/java.mjs"),
      import("shiki/langs/cpp.mjs"),
      import("shiki/langs/c.mjs"),
      import("shiki/langs/yaml.mjs"),
      import("shiki/langs/diff.mjs"),
      import("shiki/langs/html.mjs"),
      import("shiki/langs/css.mjs"),
      import("shiki/langs/toml.mjs"),
      import("shiki/langs/dockerfile.mjs"),
    ],
    engine: createOnigurumaEngine(import("shiki/wasm")),
  });
}

const globalKey = "__hivebrainShikiHighlighter";
type GlobalWithHighlighter = typeof globalThis & {
  [globalKey]?: Promise<HighlighterCore>;
};

/** The shared highlighter. Never create one per request. */
export function getHighlighter(): Promise<HighlighterCore> {
  const g = globalThis as GlobalWithHighlighter;
  if (!g[globalKey]) {
    g[globalKey] = createHighlighter().catch((error: unknown) => {
      delete g[globalKey]; // allow a retry on the next call
      throw error;
    });
  }
  return g[globalKey];
}
