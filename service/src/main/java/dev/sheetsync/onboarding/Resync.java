package dev.sheetsync.onboarding;

import dev.sheetsync.queue.Outbox;
import dev.sheetsync.records.RecordRows;
import dev.sheetsync.records.SyncModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues every record of some models again, for a new or wiped spreadsheet: the write-back then
 * finds each record's row by key, rewrites the rows that are there and makes the missing ones, in
 * creation order. Thread-safe.
 */
@Service
class Resync {

  private static final Logger log = LoggerFactory.getLogger(Resync.class);

  private final RecordRows records;
  private final Outbox outbox;

  Resync(RecordRows records, Outbox outbox) {
    this.records = records;
    this.outbox = outbox;
  }

  /**
   * One transaction for all models: a failure queues nothing, so repeating the call is safe (and
   * coalesced with what the first call queued anyway). Two statements per model, whatever its size.
   *
   * @return the number of items queued (records that already had a PENDING item are not counted)
   */
  @Transactional
  public int enqueue(List<SyncModel> models) {
    int enqueued = 0;
    for (SyncModel model : models) {
      int n = outbox.enqueueAll(model, records.idsInCreationOrder(model));
      log.info("Resync: {} {} records queued", n, model.dbName());
      enqueued += n;
    }
    return enqueued;
  }
}
