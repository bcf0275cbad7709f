package dev.sheetsync.records;

import java.util.List;

/**
 * Where {@link RecordChanges} records each change, in the transaction that makes it (the
 * transactional outbox). Implemented by the queue ({@code dev.sheetsync.queue.Outbox}); the port
 * lives here so that records depend on no other feature: the queue depends on records (it queues
 * their changes), never the reverse.
 */
public interface ChangeOutbox {

  /**
   * Records {@code changes} in order, in the caller's transaction.
   *
   * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
   */
  void record(List<Change> changes);
}
