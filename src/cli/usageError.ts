import type { Texts } from '../report/labels.js';

/**
 * A mistake in how the command was called: exit code 2 with a hint to
 * `--help`. Given `{ sv, en }`, main prints it in the run's language; the
 * `message` is the English.
 */
export class UsageError extends Error {
  /** The message in both languages, when it has them. */
  readonly text: Texts | undefined;

  constructor(message: string | Texts) {
    super(typeof message === 'string' ? message : message.en);
    this.text = typeof message === 'string' ? undefined : message;
  }
}
