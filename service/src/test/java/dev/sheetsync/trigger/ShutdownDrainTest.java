package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.testing.EngineTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stopping takes no new claims (a run in progress ends after its batch); starting again does. */
@EngineTest
class ShutdownDrainTest {

  @Autowired ShutdownDrain drain;
  @Autowired SyncQueue queue;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void oneDueItem() {
    jdbc.sql("truncate sync_queue, sync_log, sync_pauses restart identity").update();
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload)
            values ('UPDATE', 'Request', gen_random_uuid(), '{}')
            """)
        .update();
  }

  @Test
  void aStoppingServiceClaimsNothingAndClaimsAgainOnceStartedAgain() {
    drain.stop();
    try {
      assertThat(queue.claim(10)).isEmpty();
    } finally {
      drain.start();
    }

    assertThat(queue.claim(10)).hasSize(1);
  }
}
