package dev.sheetsync.system;

/**
 * A validated page request: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE}.
 *
 * @throws ApiException 400 naming the bad parameter
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  public Paging {
    if (page < 0) {
      throw ApiException.invalid(java.util.Map.of("page", "must be greater than or equal to 0"));
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.invalid(java.util.Map.of("size", "must be between 1 and " + MAX_SIZE));
    }
  }

  public long offset() {
    return (long) page * size;
  }
}
