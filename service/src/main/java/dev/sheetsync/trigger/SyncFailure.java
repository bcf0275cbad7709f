package dev.sheetsync.trigger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ends a sync endpoint with one of the {@link SyncError}s, answered by {@link SyncErrors}. Carries
 * no stack trace: it is an answer, not a fault.
 */
final class SyncFailure extends RuntimeException {

  private final SyncError error;

  SyncFailure(SyncError error) {
    super(error.message, null, false, false);
    this.error = error;
  }

  SyncError error() {
    return error;
  }

  /**
   * The error a sync endpoint answers when the database fails it (the contract's wording where it
   * has one); without it, {@link SyncError#DATABASE_FAILED}.
   */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @interface OnDatabaseFailure {
    SyncError value();
  }
}
