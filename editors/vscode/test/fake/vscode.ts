// A stand-in for the "vscode" module, enough for extension.ts: settings,
// workspace folders, commands, the status-bar item and the events the
// extension listens to, each recorded so that a test can assert on it.
// extension.test.ts is bundled with "vscode" aliased to this file.

type Listener<T> = (e: T) => unknown;

class Emitter<T> {
  private listeners: Array<Listener<T>> = [];
  event = (l: Listener<T>): { dispose(): void } => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) {
      l(e);
    }
  }
}

export class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  static file(p: string): Uri {
    return new Uri("file", p);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join("/"));
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export enum ViewColumn {
  Beside = -2,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

/** What the test controls and reads. */
export const fake = {
  /** Settings of the "liaison" section, by scope ("" is unscoped, else a folder's path). */
  settings: new Map<string, Record<string, unknown>>(),
  folders: [] as Array<{ uri: Uri; name: string; index: number }>,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as Array<{ command: string; args: unknown[] }>,
  errors: [] as string[],
  output: [] as string[],
  status: { text: "", tooltip: "" as string | undefined, visible: false, command: "" as string | undefined },
  configChange: new Emitter<{ affectsConfiguration(section: string): boolean }>(),
  trustGranted: new Emitter<void>(),
  activeEditor: new Emitter<unknown>(),
  activeDocument: undefined as { languageId: string; uri: Uri } | undefined,
  shown: [] as Array<{ language?: string; content?: string }>,
  /** changeSettings sets keys of the unscoped settings and fires the change event. */
  changeSettings(values: Record<string, unknown>): void {
    this.settings.set("", { ...(this.settings.get("") ?? {}), ...values });
    const keys = Object.keys(values).map((k) => `liaison.${k}`);
    this.configChange.fire({
      affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(`${section}.`)),
    });
  },
  reset(): void {
    this.settings.clear();
    this.folders = [];
    this.commands.clear();
    this.executed = [];
    this.errors = [];
    this.output = [];
    this.activeDocument = undefined;
    this.shown = [];
  },
};

export const workspace = {
  get workspaceFolders() {
    return fake.folders.length > 0 ? fake.folders : undefined;
  },
  getConfiguration(section: string, scope?: Uri) {
    const values = { ...(fake.settings.get("") ?? {}), ...(scope ? (fake.settings.get(scope.path) ?? {}) : {}) };
    return {
      get<T>(key: string): T | undefined {
        return section === "liaison" ? (values[key] as T | undefined) : undefined;
      },
    };
  },
  onDidChangeConfiguration: fake.configChange.event,
  openTextDocument(options: { language?: string; content?: string }) {
    return Promise.resolve(options);
  },
  onDidGrantWorkspaceTrust: fake.trustGranted.event,
  isTrusted: true,
};

export const window = {
  get activeTextEditor() {
    return fake.activeDocument ? { document: fake.activeDocument } : undefined;
  },
  onDidChangeActiveTextEditor: fake.activeEditor.event,
  createOutputChannel(_name: string) {
    return {
      appendLine: (line: string) => fake.output.push(line),
      append: (text: string) => fake.output.push(text),
      show: () => undefined,
      dispose: () => undefined,
    };
  },
  createStatusBarItem(_id: string, _align: StatusBarAlignment, _priority: number) {
    const item = {
      name: "",
      backgroundColor: undefined as unknown,
      get text() {
        return fake.status.text;
      },
      set text(v: string) {
        fake.status.text = v;
      },
      get tooltip() {
        return fake.status.tooltip;
      },
      set tooltip(v: string | undefined) {
        fake.status.tooltip = v;
      },
      get command() {
        return fake.status.command;
      },
      set command(v: string | undefined) {
        fake.status.command = v;
      },
      show: () => (fake.status.visible = true),
      hide: () => (fake.status.visible = false),
      dispose: () => undefined,
    };
    return item;
  },
  showTextDocument(doc: { language?: string; content?: string }) {
    fake.shown.push(doc);
    return Promise.resolve(undefined);
  },
  showErrorMessage(message: string, ..._items: string[]): Promise<string | undefined> {
    fake.errors.push(message);
    return Promise.resolve(undefined);
  },
};

export const commands = {
  registerCommand(id: string, f: (...args: unknown[]) => unknown) {
    fake.commands.set(id, f);
    return { dispose: () => fake.commands.delete(id) };
  },
  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    fake.executed.push({ command, args });
    const f = fake.commands.get(command);
    return Promise.resolve(f?.(...args));
  },
};
