// The liaison extension for VS Code: starts `liaison serve` and connects it
// to the editor through vscode-languageclient.

import { execFile } from "node:child_process";

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

import { findServer, found, INSTALL_STEPS, type FoundServer } from "./findServer";
import { documentSelector, languages, logLevel, RESTART_KEYS, serverArgs, serverSettings, sourceCode } from "./settings";

const SECTION = "liaison";

/** The server's "Usage guide" code actions run this with the words to compare. */
const COMPARE_COMMAND = "liaison.compare";

/** Liaison owns the client, its output channel and its status-bar item. */
class Liaison implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private server: FoundServer | undefined;
  private readonly output: vscode.OutputChannel;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  // Serialises start, stop and restart so that quick repeated commands or
  // settings changes never run two servers.
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel("liaison");
    this.status = vscode.window.createStatusBarItem("liaison.status", vscode.StatusBarAlignment.Right, 100);
    this.status.name = "liaison";
    this.status.command = "liaison.showOutput";
    this.disposables.push(this.output, this.status);
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  private get<T>(key: string): T | undefined {
    return this.config().get<T>(key);
  }

  private languages(): string[] {
    return languages((k) => this.get(k));
  }

  /** The source-code languages turned on in any folder (the selector is one for all). */
  private sourceCode(): string[] {
    const scopes: Array<vscode.Uri | undefined> = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
    return [...new Set(scopes.flatMap((scope) => sourceCode((k) => vscode.workspace.getConfiguration(SECTION, scope).get(k))))];
  }

  /**
   * settingsChanged tells the server that liaison's settings changed. It
   * pulls them (workspace/configuration, per folder), so nothing is pushed:
   * settings null, as the protocol allows for pulling servers.
   */
  settingsChanged(): void {
    const client = this.client;
    if (client?.isRunning()) {
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch((err: unknown) => {
        this.output.appendLine(`[liaison] settings change not sent: ${String(err)}`);
      });
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  private async doStart(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const lookup = findServer({
      configuredPath: this.get<string>("path") ?? "",
      extensionPath: this.context.extensionPath,
      workspaceFolder: folder,
      platform: process.platform,
      envPath: process.env.PATH,
      envPathExt: process.env.PATHEXT,
    });
    if (!found(lookup)) {
      this.server = undefined;
      this.output.appendLine(`[liaison] ${lookup.error}`);
      this.setStatus("error", lookup.error);
      void this.notFound(lookup.error);
      return;
    }
    this.server = lookup;
    const level = logLevel((k) => this.get(k));
    this.output.appendLine(`[liaison] starting ${lookup.path} (${lookup.source}) ${serverArgs(level).join(" ")}`);

    const serverOptions: ServerOptions = {
      command: lookup.path,
      args: serverArgs(level),
      transport: TransportKind.stdio,
    };
    // No synchronize.configurationSection: the server pulls its settings
    // per folder, and settingsChanged tells it when to pull again.
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(this.languages(), this.sourceCode()),
      // clientCommands: the commands this extension runs for the server's
      // code actions (the usage guide), which it offers only to clients
      // that say so.
      initializationOptions: { ...serverSettings((k) => this.get(k)), clientCommands: [COMPARE_COMMAND] },
      outputChannel: this.output,
      traceOutputChannel: this.output,
    };
    const client = new LanguageClient("liaison", "liaison", serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.setStatus("running");
      } else if (e.newState === State.Starting) {
        this.setStatus("starting");
      } else if (this.client === client) {
        this.setStatus("stopped");
      }
    });
    this.client = client;
    this.setStatus("starting");
    try {
      await client.start();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.output.appendLine(`[liaison] the server failed to start: ${message}`);
      this.setStatus("error", `The server failed to start: ${message}`);
      void vscode.window
        .showErrorMessage(`liaison: the server failed to start (${lookup.path}): ${message}`, "Show output")
        .then((pick) => pick && this.output.show());
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) {
      return;
    }
    try {
      if (client.isRunning()) {
        await client.stop(2000);
      }
    } catch (err) {
      this.output.appendLine(`[liaison] stopping the server: ${String(err)}`);
    }
    await client.dispose(2000).catch(() => undefined);
    this.setStatus("stopped");
  }

  private async notFound(message: string): Promise<void> {
    const install = "Open install steps";
    const settings = "Set liaison.path";
    const pick = await vscode.window.showErrorMessage(`liaison: ${message}`, install, settings);
    if (pick === install) {
      const readme = vscode.Uri.joinPath(this.context.extensionUri, INSTALL_STEPS);
      await vscode.commands.executeCommand("markdown.showPreview", readme);
    } else if (pick === settings) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "liaison.path");
    }
  }

  private setStatus(state: "starting" | "running" | "stopped" | "error", detail?: string): void {
    const where = this.server ? `${this.server.path} (${this.server.source})` : "no server";
    switch (state) {
      case "starting":
        this.status.text = "$(sync~spin) liaison";
        this.status.tooltip = `liaison is starting: ${where}`;
        this.status.backgroundColor = undefined;
        break;
      case "running":
        this.status.text = "$(check) liaison";
        this.status.tooltip = `liaison is checking ${this.languages().join(", ")} documents: ${where}. Click for the log.`;
        this.status.backgroundColor = undefined;
        break;
      case "stopped":
        this.status.text = "$(circle-slash) liaison";
        this.status.tooltip = "liaison is stopped. Run “liaison: Restart server”.";
        this.status.backgroundColor = undefined;
        break;
      case "error":
        this.status.text = "$(error) liaison";
        this.status.tooltip = detail ?? "liaison failed";
        this.status.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
        break;
    }
    this.updateVisibility();
  }

  /** The item shows while a document liaison checks is in front. */
  updateVisibility(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const checked = (d: vscode.TextDocument) =>
      this.languages().includes(d.languageId) ||
      this.sourceCode().includes(d.languageId) ||
      (d.uri.scheme === "file" && d.uri.path.endsWith("/.liaison.yaml"));
    if (doc !== undefined && checked(doc)) {
      this.status.show();
    } else {
      this.status.hide();
    }
  }

  /**
   * compare shows the usage guide of confusable words, as `liaison compare`
   * prints it, in a Markdown document beside the text.
   */
  async compare(words: unknown[]): Promise<void> {
    const server = this.server;
    const list = words.filter((w): w is string => typeof w === "string" && /^\p{L}[\p{L}' -]*$/u.test(w));
    if (server === undefined || list.length === 0) {
      return;
    }
    let guide: string;
    try {
      guide = await run(server.path, ["compare", "--format", "markdown", "--", ...list]);
    } catch (err) {
      this.output.appendLine(`[liaison] compare: ${String(err)}`);
      void vscode.window.showErrorMessage(`liaison: the usage guide failed: ${String(err)}`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: guide });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

let liaison: Liaison | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const l = new Liaison(context);
  liaison = l;
  context.subscriptions.push(
    l,
    vscode.commands.registerCommand("liaison.restartServer", () => l.restart()),
    vscode.commands.registerCommand("liaison.showOutput", () => l.showOutput()),
    vscode.commands.registerCommand(COMPARE_COMMAND, (...words: unknown[]) => l.compare(words)),
    vscode.window.onDidChangeActiveTextEditor(() => l.updateVisibility()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
        void l.restart();
      } else if (e.affectsConfiguration(SECTION)) {
        l.settingsChanged();
      }
    }),
    // Trusting the workspace makes its liaison.path (a restricted setting) count.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void l.restart()),
  );
  await l.start();
}

export async function deactivate(): Promise<void> {
  const l = liaison;
  liaison = undefined;
  await l?.stop();
}

/** run runs the server binary with args and returns its output, within 10 s. */
function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 10_000, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err !== null) {
        reject(new Error(`${file} ${args.join(" ")}: ${err.message}`));
      } else {
        resolve(stdout);
      }
    });
  });
}
