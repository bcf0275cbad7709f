package dev.sheetsync.trigger;

import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.writeback.RunResult;

/** What became of one attempt to start a write-back run. */
public sealed interface WriteBackOutcome {

  /**
   * The run happened.
   *
   * @param result the run's counts
   * @param queueStats the queue right after the run
   */
  record Completed(RunResult result, QueueStats queueStats) implements WriteBackOutcome {}

  /** Another run (on this or another instance) held the lock; nothing was done. */
  record AlreadyRunning() implements WriteBackOutcome {}

  /** The run broke off with an unexpected error, which is in the log (never in a response). */
  record Failed() implements WriteBackOutcome {}
}
