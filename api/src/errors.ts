/**
 * Expected failures of the domain. The GraphQL layer maps each class to a typed error in the
 * schema; anything else is a bug and is masked.
 */
export class ValidationError extends Error {
  constructor(
    /** The input field at fault, as named in the GraphQL input (e.g. "model", "taskArgs.n"). */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** The operation does not apply to the run's current state (e.g. cancelling a finished run). */
export class RunStateError extends Error {
  constructor(
    message: string,
    readonly status: string,
  ) {
    super(message);
  }
}

/** The run's provider needs an API key the user has not stored (see Settings). */
export class ProviderKeyMissingError extends Error {
  constructor(
    readonly provider: string,
    readonly variable: string,
  ) {
    super(`No ${provider} API key is stored: add one in Settings (it is passed to the run as ${variable})`);
  }
}
