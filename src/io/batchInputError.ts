/** An input file that cannot be read as a whole (e.g. a CSV header with an unknown column). */
export class BatchInputError extends Error {}
