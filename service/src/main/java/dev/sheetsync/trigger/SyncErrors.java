package dev.sheetsync.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * The sync endpoints' errors in the shape of {@code docs/api-contract.md}: {@code {"success":
 * false, "error": "…"}}, or {@code {"error": "Admin only"}} for a 403. Scoped to {@link
 * SyncController} and ordered before the application's {@code ApiErrors}, which still answers
 * everything else those endpoints can raise (a malformed id is a 400 there, not a 500 here).
 */
@RestControllerAdvice(assignableTypes = SyncController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SyncErrors {

  private static final Logger log = LoggerFactory.getLogger(SyncErrors.class);

  @ExceptionHandler(SyncFailure.class)
  ResponseEntity<Body> refused(SyncFailure e) {
    return respond(e.error());
  }

  /**
   * The database is away or failed a statement: the endpoint's own wording, details only logged.
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<Body> databaseFailed(RuntimeException e, HandlerMethod handler) {
    SyncFailure.OnDatabaseFailure declared =
        handler.getMethodAnnotation(SyncFailure.OnDatabaseFailure.class);
    SyncError error = declared == null ? SyncError.DATABASE_FAILED : declared.value();
    log.error("{} ({})", error.message, handler.getMethod().getName(), e);
    return respond(error);
  }

  private static ResponseEntity<Body> respond(SyncError error) {
    return ResponseEntity.status(error.status)
        .body(new Body(error.withSuccess ? false : null, error.message));
  }

  /** {@code success} is left out when null (the 403). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(Boolean success, String error) {}
}
