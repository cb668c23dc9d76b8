/** The caller is signed in but may not do this (→ 403). */
export class ForbiddenError extends Error {
  constructor(message = 'No tiene permiso para realizar esta acción.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** No valid session (→ login). */
export class UnauthenticatedError extends Error {
  constructor(message = 'Debe iniciar sesión.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** The object does not exist or is outside the caller's scope: both answer the same (→ 404). */
export class NotFoundError extends Error {
  constructor(message = 'No se encontró el registro solicitado.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** An expected business failure, shown to the user as it is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
