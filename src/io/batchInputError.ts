import type { Template } from '../model/template.js';

/**
 * An input file that cannot be read as a whole (e.g. a CSV header with an
 * unknown column). Given `{ sv, en }`, the CLI prints it in the run's
 * language; the `message` is the English.
 */
export class BatchInputError extends Error {
  /** The message in both languages, when it has them. */
  readonly text: Template | undefined;

  constructor(message: string | Template) {
    super(typeof message === 'string' ? message : message.en);
    this.text = typeof message === 'string' ? undefined : message;
  }
}
