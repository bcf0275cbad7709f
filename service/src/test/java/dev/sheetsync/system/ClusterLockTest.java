package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.system.ClusterLock.Name;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ClusterLockTest {

  @Autowired ClusterLock lock;

  @Test
  void secondTakerIsRefusedUntilTheFirstReleases() throws Exception {
    try (Held first = lock.tryAcquire(Name.WRITE_BACK).orElseThrow()) {
      // Another thread, so another pooled connection and another database session.
      Optional<Held> second =
          CompletableFuture.supplyAsync(() -> lock.tryAcquire(Name.WRITE_BACK)).get();
      assertThat(second).isEmpty();
      assertThat(lock.isHeldAnywhere(Name.WRITE_BACK)).isTrue();
    }

    assertThat(lock.isHeldAnywhere(Name.WRITE_BACK)).isFalse();
    try (Held again = lock.tryAcquire(Name.WRITE_BACK).orElseThrow()) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void locksWithDifferentNamesDoNotExcludeEachOther() {
    try (Held writeBack = lock.tryAcquire(Name.WRITE_BACK).orElseThrow();
        Held cleanup = lock.tryAcquire(Name.CLEANUP).orElseThrow()) {
      assertThat(lock.isHeldAnywhere(Name.CLEANUP)).isTrue();
    }
    assertThat(lock.isHeldAnywhere(Name.CLEANUP)).isFalse();
  }

  @Test
  void theSameThreadCannotTakeItTwice() {
    // Advisory locks are re-entrant per session; each attempt uses its own connection, so a nested
    // trigger in one thread is refused like any other.
    try (Held first = lock.tryAcquire(Name.WRITE_BACK).orElseThrow()) {
      assertThat(lock.tryAcquire(Name.WRITE_BACK)).isEmpty();
    }
  }
}
