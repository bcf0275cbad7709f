package dev.sheetsync.system;

import java.util.List;

/** One page of a list answer: {@code {"items":[…],"page":0,"size":50,"total":N}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static <T> Page<T> of(List<T> items, Paging paging, long total) {
    return new Page<>(items, paging.page(), paging.size(), total);
  }
}
