package dev.sheetsync.writeback;

import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.writeback.RecordWork.Op;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads the key columns once more after the batch's writes and checks every written row still holds
 * its record. A row that does not was moved by people between our read and our write: our record is
 * released to be written again (to its row, found anew), and the record whose row received our
 * values is rewritten from the database.
 */
@Component
class Verification {

  private final SheetReader reader;

  Verification(SheetReader reader) {
    this.reader = reader;
  }

  Set<Repair> verify(List<RecordWork> open, SheetSnapshot sheet, long deadline) {
    List<RecordWork> written = open.stream().filter(RecordWork::written).toList();
    Set<LiveTab> tabs =
        written.stream()
            .map(r -> sheet.tab(r.tab))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (tabs.isEmpty()) {
      return Set.of();
    }
    Map<TabLayout, KeyIndex> after;
    try {
      after = reader.keys(tabs, deadline);
    } catch (GoogleCallException e) {
      return Set.of(); // unverified, not wrong: the next change to these records checks again
    }
    Set<Repair> repairs = new LinkedHashSet<>();
    Set<TabLayout> lostRows = new LinkedHashSet<>();
    for (RecordWork r : written) {
      KeyIndex now = after.get(r.tab);
      String there = now.idAt(r.row);
      switch (r.op) {
        case APPEND -> {
          if (!there.equals(r.key())) {
            int moved = now.rowOf(r.key());
            if (moved > 0) {
              r.row = moved; // new rows carry their key: people moved it afterwards
            } else {
              r.release("new row disappeared while writing; writing it again");
            }
          }
        }
        case UPDATE, MARK -> {
          if (!there.equals(r.key())) {
            r.release("row " + r.row + " held another record when written; writing it again");
            Repair.of(r.tab, there).ifPresent(repairs::add);
          }
        }
        case CLEAR, DELETE_ROW -> {
          if (!now.rowsOf(r.key()).isEmpty()) {
            r.release("row " + r.row + " held another record when cleared; doing it again");
            lostRows.add(r.tab);
          }
        }
      }
    }
    for (TabLayout tab : lostRows) {
      // Ids that vanished without being ours to remove: their rows were cleared or deleted.
      Set<String> vanished = sheet.keys(tab).ids();
      vanished.removeAll(after.get(tab).ids());
      open.stream()
          .filter(r -> r.tab.equals(tab) && (r.op == Op.CLEAR || r.op == Op.DELETE_ROW))
          .forEach(r -> vanished.remove(r.key()));
      vanished.forEach(id -> Repair.of(tab, id).ifPresent(repairs::add));
    }
    return repairs;
  }
}
