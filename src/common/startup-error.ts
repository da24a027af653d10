/**
 * Something that keeps the server from starting and that the person starting it can fix: the message is
 * the one line main.ts prints after "Edgerunner cannot start: ", so it names the setting, path or port.
 * The underlying error rides along as `cause`, printed only at debug level.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
