package dev.sheetsync.trigger;

import org.springframework.http.HttpStatus;

/**
 * Every error the sync endpoints answer themselves, with its status and text as {@code
 * docs/api-contract.md} gives them. {@link SyncErrors} writes them; a controller only throws {@link
 * SyncFailure}.
 */
enum SyncError {
  /** A session without the admin permission: {@code {"error"}} alone, as the contract has it. */
  ADMIN_ONLY(HttpStatus.FORBIDDEN, "Admin only", false),
  USE_POST(HttpStatus.METHOD_NOT_ALLOWED, "Use POST to run the write-back", true),
  ALREADY_RUNNING(HttpStatus.CONFLICT, "Write-back already running", true),
  WRITE_BACK_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "Write-back failed", true),
  QUEUE_STATUS_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "Failed to get queue status", true),
  /** The database failed an endpoint that has no wording of its own. */
  DATABASE_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", true),
  ITEM_NOT_FOUND(HttpStatus.NOT_FOUND, "Queue item not found", true),
  NOTHING_TO_RETRY(
      HttpStatus.CONFLICT, "Queue item is neither FAILED nor waiting for a retry", true);

  final HttpStatus status;
  final String message;

  /** Whether the body carries {@code "success": false} before the error. */
  final boolean withSuccess;

  SyncError(HttpStatus status, String message, boolean withSuccess) {
    this.status = status;
    this.message = message;
    this.withSuccess = withSuccess;
  }
}
