// The server's settings, as VS Code stores them and as the server reads
// them. No "vscode" import: the Node tests use it too.

/** Severity names a rule may be set to, besides false. */
export type RuleSetting = false | true | "error" | "warning" | "info" | "hint";

/**
 * ServerSettings is the object the server reads from initializationOptions
 * and from the "liaison" section of the workspace configuration.
 */
export interface ServerSettings {
  debounceMs?: number;
  rules?: Record<string, RuleSetting>;
  categories?: Record<string, boolean>;
  /** Source-code languages whose comments are checked (opt-in). */
  sourceCode?: string[];
}

/** The keys of the "liaison" section that the server itself reads. */
export const SERVER_KEYS = ["debounceMs", "rules", "categories", "sourceCode"] as const;

/**
 * The keys whose change needs a new server process: the executable, its
 * arguments, or the documents the client sends it (sourceCode adds its
 * languages to the document selector).
 */
export const RESTART_KEYS = ["path", "logLevel", "languages", "sourceCode"] as const;

/** Log levels accepted by `liaison serve --log-level`. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** A getter like vscode.WorkspaceConfiguration.get. */
export type Getter = <T>(key: string) => T | undefined;

/** serverSettings picks what the server reads out of the "liaison" section. */
export function serverSettings(get: Getter): ServerSettings {
  const out: ServerSettings = {};
  const debounce = get<number>("debounceMs");
  if (typeof debounce === "number" && Number.isFinite(debounce) && debounce >= 0) {
    out.debounceMs = Math.round(debounce);
  }
  const rules = get<Record<string, RuleSetting>>("rules");
  if (rules !== null && typeof rules === "object") {
    out.rules = { ...rules };
  }
  const categories = get<Record<string, boolean>>("categories");
  if (categories !== null && typeof categories === "object") {
    out.categories = { ...categories };
  }
  const code = sourceCode(get);
  if (code.length > 0) {
    out.sourceCode = code;
  }
  return out;
}

/** sourceCode reads liaison.sourceCode: the source-code languages turned on. */
export function sourceCode(get: Getter): string[] {
  const v = get<unknown>("sourceCode");
  if (!Array.isArray(v)) {
    return [];
  }
  return [...new Set(v.filter((x): x is string => typeof x === "string" && x.trim() !== ""))];
}

/** CONFIG_FILE_PATTERN matches the project configuration, which the server checks as itself. */
export const CONFIG_FILE_PATTERN = "**/.liaison.yaml";

/** A document filter as vscode-languageclient takes it. */
export type DocumentFilter = { scheme: string; language?: string; pattern?: string };

/**
 * documentSelector is what the client sends the server: every checked
 * language (prose formats and the source code turned on), saved or
 * untitled, and the project configuration, whose errors the server reports
 * as diagnostics on it.
 */
export function documentSelector(languageIds: string[], sourceCodeIds: string[]): DocumentFilter[] {
  const ids = [...new Set([...languageIds, ...sourceCodeIds])];
  return [
    ...ids.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    { scheme: "file", pattern: CONFIG_FILE_PATTERN },
  ];
}

/** logLevel reads liaison.logLevel, falling back to "info". */
export function logLevel(get: Getter): LogLevel {
  const v = get<string>("logLevel");
  return (LOG_LEVELS as readonly string[]).includes(v ?? "") ? (v as LogLevel) : "info";
}

/** serverArgs are the arguments `liaison` is started with. */
export function serverArgs(level: LogLevel): string[] {
  return ["serve", "--stdio", "--log-level", level];
}

/** DEFAULT_LANGUAGES are package.json's default for liaison.languages: every prose format the server reads (source code is opt-in). */
export const DEFAULT_LANGUAGES = [
  "markdown",
  "plaintext",
  "latex",
  "tex",
  "html",
  "git-commit",
  "asciidoc",
  "restructuredtext",
  "org",
  "typst",
];

/** languages reads liaison.languages, falling back to DEFAULT_LANGUAGES. */
export function languages(get: Getter): string[] {
  const v = get<unknown>("languages");
  if (Array.isArray(v)) {
    const ids = v.filter((x): x is string => typeof x === "string" && x.trim() !== "");
    if (ids.length > 0) {
      return ids;
    }
  }
  return [...DEFAULT_LANGUAGES];
}
