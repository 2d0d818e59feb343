// Errors name the file, the line and the cause, so an editor can fix the bulletin without reading code.

export class BulletinError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(file: string, line: number, message: string, options?: { column?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BulletinError';
    this.file = file;
    this.line = line;
    this.column = options?.column ?? 1;
  }

  /** `file:line:col: message`, the shape editors and CI annotations expect. */
  toString(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
}

/**
 * The output folder cannot be written (another build holds it, it is read-only or a symbolic link, its disk is full):
 * one sentence that says what to do, printed instead of a stack trace.
 */
export class OutputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OutputError';
  }
}
