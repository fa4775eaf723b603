/**
 * Domain errors. Services throw these; the API edge (lib/api/errors.ts) maps them to
 * Django REST Framework shaped responses. Nothing in the domain knows about HTTP bodies.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400 with per-field messages: {"field": ["msg"], "non_field_errors": [...]}. */
export class ValidationError extends DomainError {
  constructor(readonly fields: Record<string, string[]>) {
    super(400, "Invalid input.");
  }
  static field(field: string, message: string) {
    return new ValidationError({ [field]: [message] });
  }
  /** A reference to a row that does not exist (DRF's PrimaryKeyRelatedField wording). */
  static invalidPk(field: string, id: string) {
    return ValidationError.field(field, `Invalid pk "${id}" - object does not exist.`);
  }
  /** The same errors under other field names (an API contract naming the domain's fields). */
  renamed(names: Readonly<Record<string, string>>): ValidationError {
    return new ValidationError(Object.fromEntries(Object.entries(this.fields).map(([k, v]) => [names[k] ?? k, v])));
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor(message = "Authentication credentials were not provided.") {
    super(401, message);
  }
}

/** Right password, but the address of a self-service sign-up was never confirmed. */
export class EmailNotVerifiedError extends NotAuthenticatedError {
  constructor() {
    super("Confirm your email address first: open the link we emailed you. No email? Sign up again with the same address to get a new link.");
  }
}

export class PermissionDeniedError extends DomainError {
  constructor(message = "You do not have permission to perform this action.") {
    super(403, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "Not found.") {
    super(404, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, message);
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(
    message = "The ticket was changed by someone else since you loaded it. Reload and try again.",
    /** The ticket that changed, when the edge may show its current state (message posts). */
    readonly ticketId?: string,
  ) {
    super(412, message);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super(413, message);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super(415, message);
  }
}

export class ThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, `Request was throttled. Expected available in ${retryAfterSeconds} seconds.`);
  }
}
