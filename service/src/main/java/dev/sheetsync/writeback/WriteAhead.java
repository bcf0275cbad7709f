package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.WrittenCells;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records what a batch is about to write before it writes ({@link WrittenCells#stage}), so that
 * after a crash between the write and the outcome the values the sheet shows are known to be
 * sheetsync's own, not taken for people's edits (or read into records as if people had typed them).
 */
@FunctionalInterface
interface WriteAhead {

  void stage(List<RecordWork> writing);

  /** The write-ahead into the written-values base. */
  @Component
  class ToBase implements WriteAhead {

    private final WrittenCells base;

    ToBase(WrittenCells base) {
      this.base = base;
    }

    @Override
    public void stage(List<RecordWork> writing) {
      base.stage(writing.stream().map(RecordWork::newBase).toList());
    }
  }
}
