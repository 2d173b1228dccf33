// A stand-in for "vscode-languageclient/node": records every client the
// extension makes, with its options, and what it was told to do.
// extension.test.ts is bundled with the module aliased to this file.

export enum State {
  Stopped = 1,
  Starting = 3,
  Running = 2,
}

export enum TransportKind {
  stdio = 0,
}

export const DidChangeConfigurationNotification = { type: { method: "workspace/didChangeConfiguration" } };

export type LanguageClientOptions = Record<string, unknown>;
export type ServerOptions = Record<string, unknown>;

type StateListener = (e: { oldState: State; newState: State }) => void;

export class LanguageClient {
  static made: LanguageClient[] = [];
  state = State.Stopped;
  disposed = false;
  notifications: Array<{ method: string; params: unknown }> = [];
  private listeners: StateListener[] = [];

  constructor(
    readonly id: string,
    readonly name: string,
    readonly serverOptions: ServerOptions,
    readonly clientOptions: LanguageClientOptions,
  ) {
    LanguageClient.made.push(this);
  }

  onDidChangeState(l: StateListener): { dispose(): void } {
    this.listeners.push(l);
    return { dispose: () => undefined };
  }

  private set(next: State): void {
    const old = this.state;
    this.state = next;
    for (const l of this.listeners) {
      l({ oldState: old, newState: next });
    }
  }

  async start(): Promise<void> {
    this.set(State.Starting);
    await new Promise((r) => setTimeout(r, 5));
    this.set(State.Running);
  }

  isRunning(): boolean {
    return this.state === State.Running;
  }

  async stop(_timeout?: number): Promise<void> {
    await new Promise((r) => setTimeout(r, 5));
    this.set(State.Stopped);
  }

  dispose(_timeout?: number): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  sendNotification(type: { method: string }, params: unknown): Promise<void> {
    this.notifications.push({ method: type.method, params });
    return Promise.resolve();
  }
}
