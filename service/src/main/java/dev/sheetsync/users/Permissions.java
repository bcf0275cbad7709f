package dev.sheetsync.users;

/**
 * Permission names and the one check, answering as the original app's {@code hasPermission(role,
 * permission)} (docs/api-contract.md): a role grants a permission when it holds it or holds {@link
 * #ALL}. Callers checking "is admin" ask for {@link #ALL} itself, as the original did.
 */
public final class Permissions {

  /** Every permission, including {@code "*"} itself; only ADMIN holds it. */
  public static final String ALL = "*";

  public static final String REQUESTS_READ = "requests:read";
  public static final String REQUESTS_WRITE = "requests:write";
  public static final String OPERATORS_READ = "operators:read";
  public static final String OPERATORS_WRITE = "operators:write";

  /** Change an operator's {@code paymentStatus} (and nothing else of it). */
  public static final String OPERATORS_PAYMENT = "operators:payment";

  public static final String REVENUES_READ = "revenues:read";
  public static final String REVENUES_WRITE = "revenues:write";
  public static final String USERS_MANAGE = "users:manage";

  private Permissions() {}

  /** False for a null role or permission. */
  public static boolean hasPermission(Role role, String permission) {
    if (role == null || permission == null) {
      return false;
    }
    return role.permissions().contains(ALL) || role.permissions().contains(permission);
  }
}
