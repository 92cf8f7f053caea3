/** Something that must be undone: a driver to stop, a pty to close, a server to shut. */
export type Disposer = () => void | Promise<void>;

/**
 * Teardown in one place (after VS Code's DisposableStore): whoever starts something adds what undoes
 * it, and `dispose()` undoes everything, newest first, each once, even if one of them fails (the
 * failures are returned, not thrown, so one stuck device never keeps the next from stopping).
 */
export class DisposableStore {
  private readonly disposers: Disposer[] = [];
  private disposing: Promise<unknown[]> | null = null;

  /** Adds `disposer`; if the store is already disposed, runs it at once. */
  add(disposer: Disposer): void {
    if (this.disposing) void Promise.resolve().then(disposer).catch(() => {});
    else this.disposers.push(disposer);
  }

  /** Undoes everything, newest first; resolves with the errors of the disposers that failed. Idempotent. */
  dispose(): Promise<unknown[]> {
    this.disposing ??= (async () => {
      const errors: unknown[] = [];
      for (const disposer of this.disposers.splice(0).reverse()) {
        try {
          await disposer();
        } catch (error) {
          errors.push(error);
        }
      }
      return errors;
    })();
    return this.disposing;
  }
}
