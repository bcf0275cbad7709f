package dev.sheetsync.writeback;

import java.util.Set;

/**
 * What writing a batch found out besides the records' own outcomes.
 *
 * @param repairs other records whose rows may hold wrong values now
 * @param stop the error that should end the run, or null
 */
record BatchWrite(Set<Repair> repairs, GoogleCallException stop) {

  static final BatchWrite CLEAN = new BatchWrite(Set.of(), null);
}
