/** Errors a use case raises; the HTTP layer maps each kind to one status code. */
export interface Issue {
  path: string;
  message: string;
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} introuvable`);
  }
}

export class ForbiddenError extends Error {
  constructor(message = "Vous n'avez pas le droit de faire cette action") {
    super(message);
  }
}

export class ConflictError extends Error {}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

export class AuthenticationError extends Error {
  constructor(message = 'Identifiants incorrects') {
    super(message);
  }
}
