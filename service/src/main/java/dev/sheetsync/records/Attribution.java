package dev.sheetsync.records;

import dev.sheetsync.users.SheetUser;
import dev.sheetsync.users.SignedInUser;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who a record change is attributed to ({@code updated_by}): inside {@link #fromSheet} the sheet
 * user ({@link SheetUser}); otherwise the logged-in user of the request; null for changes no user
 * made (a cron call). Thread-safe: the sheet scope is per thread.
 */
@Component
public class Attribution {

  private static final ThreadLocal<Boolean> FROM_SHEET = new ThreadLocal<>();

  private final SheetUser sheetUser;

  Attribution(SheetUser sheetUser) {
    this.sheetUser = sheetUser;
  }

  /** Runs {@code change} with every record change it makes attributed to the sheet user. */
  public <T> T fromSheet(Supplier<T> change) {
    Boolean outer = FROM_SHEET.get();
    FROM_SHEET.set(Boolean.TRUE);
    try {
      return change.get();
    } finally {
      if (outer == null) {
        FROM_SHEET.remove();
      }
    }
  }

  /** Same as {@link #fromSheet(Supplier)} for a change with no result. */
  public void fromSheet(Runnable change) {
    fromSheet(
        () -> {
          change.run();
          return null;
        });
  }

  /** True inside {@link #fromSheet}: the change comes from the sheet. */
  boolean inSheetScope() {
    return FROM_SHEET.get() != null;
  }

  /** The user the current change is attributed to; null when none. */
  UUID current() {
    if (FROM_SHEET.get() != null) {
      return sheetUser.id().orElse(null);
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user.id() : null;
  }
}
