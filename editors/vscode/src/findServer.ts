// Finding the liaison executable. This module does not import "vscode" so
// that the Node tests can exercise it directly.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * The extension's own README, which holds the install steps ("Install the
 * server"); the "not found" error opens it. It ships in the .vsix, so the
 * steps are there offline.
 */
export const INSTALL_STEPS = "README.md";

/** Where the executable was found. */
export type ServerSource = "setting" | "bundled" | "PATH";

export interface FoundServer {
  path: string;
  source: ServerSource;
}

export interface ServerNotFound {
  /** A message for the user, saying what was tried. */
  error: string;
}

export interface LookupInput {
  /** The liaison.path setting ("" when unset). */
  configuredPath: string;
  /** The extension's install folder, holding bin/ when a binary is bundled. */
  extensionPath: string;
  /** The first workspace folder, for relative paths and ${workspaceFolder}. */
  workspaceFolder?: string;
  /** process.platform. */
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  envPath: string | undefined;
  /** PATHEXT on Windows. */
  envPathExt?: string;
  /** The home folder, for a leading "~". */
  home?: string;
}

/** The executable's file name on a platform. */
export function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "liaison.exe" : "liaison";
}

/** isExecutable reports whether p is a regular file the user may run. */
export function isExecutable(p: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) {
      return false;
    }
    if (platform === "win32") {
      return true;
    }
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * restoreExecutable sets the executable bits on a bundled binary that an
 * unpacker lost them on, and reports whether it changed anything.
 */
export function restoreExecutable(p: string, platform: NodeJS.Platform): boolean {
  if (platform === "win32") {
    return false;
  }
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) {
      return false;
    }
    fs.chmodSync(p, st.mode | 0o111);
    return true;
  } catch {
    return false;
  }
}

/** expandConfiguredPath resolves ~, ${workspaceFolder} and relative paths. */
export function expandConfiguredPath(configured: string, input: Pick<LookupInput, "workspaceFolder" | "home">): string {
  let p = configured.trim();
  const home = input.home ?? os.homedir();
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) {
    p = path.join(home, p.slice(1));
  }
  if (input.workspaceFolder !== undefined) {
    p = p.split("${workspaceFolder}").join(input.workspaceFolder);
  }
  if (!path.isAbsolute(p) && input.workspaceFolder !== undefined) {
    p = path.join(input.workspaceFolder, p);
  }
  return p;
}

/**
 * findServer looks for the liaison executable: the liaison.path setting,
 * then the binary bundled in the extension (bin/liaison), then PATH. A
 * setting that names no executable is an error of its own: the user asked
 * for that file, so falling back silently would hide the mistake.
 */
export function findServer(input: LookupInput): FoundServer | ServerNotFound {
  const name = executableName(input.platform);
  if (input.configuredPath.trim() !== "") {
    const p = expandConfiguredPath(input.configuredPath, input);
    if (isExecutable(p, input.platform)) {
      return { path: p, source: "setting" };
    }
    return {
      error: `The liaison.path setting names "${p}", which is not an executable file. Fix or clear the setting.`,
    };
  }
  const bundled = path.join(input.extensionPath, "bin", name);
  if (isExecutable(bundled, input.platform) || (restoreExecutable(bundled, input.platform) && isExecutable(bundled, input.platform))) {
    return { path: bundled, source: "bundled" };
  }
  const names = [name];
  if (input.platform === "win32") {
    for (const ext of (input.envPathExt ?? ".EXE;.CMD;.BAT").split(";")) {
      if (ext !== "" && ext.toLowerCase() !== ".exe") {
        names.push("liaison" + ext.toLowerCase());
      }
    }
  }
  const sep = input.platform === "win32" ? ";" : ":";
  for (const dir of (input.envPath ?? "").split(sep)) {
    if (dir === "") {
      continue;
    }
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (isExecutable(candidate, input.platform)) {
        return { path: candidate, source: "PATH" };
      }
    }
  }
  return {
    error:
      "The liaison language server was not found: liaison.path is not set, this extension has no bundled binary, and there is no liaison on your PATH. Install liaison, or set liaison.path to the executable.",
  };
}

/** found tells a FoundServer from a ServerNotFound. */
export function found(r: FoundServer | ServerNotFound): r is FoundServer {
  return (r as FoundServer).path !== undefined;
}
