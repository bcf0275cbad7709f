package dev.sheetsync.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users table. Reads are public; writes are package-private so that only {@link UserAccounts}
 * (which enforces the last-admin and self-deletion rules) changes users.
 */
@Repository
public class Users {

  private static final String COLUMNS = "id, email, name, role, created_at, updated_at";

  private static final String FIND_BY_ID = "select " + COLUMNS + " from users where id = :id";

  private static final String FIND_FOR_LOGIN =
      """
      select id, email, name, role, password_hash, credentials_version
        from users
       where login_key = :loginKey
      """;

  private static final String CREDENTIALS_VERSION =
      "select credentials_version from users where id = :id";

  private static final String WITHOUT_LOGIN_KEY =
      "select id, email from users where login_key is null";

  private static final String SET_LOGIN_KEY =
      "update users set login_key = :loginKey where id = :id and login_key is null";

  private static final String LIST =
      "select " + COLUMNS + " from users order by lower(email) limit :limit offset :offset";

  private static final String COUNT = "select count(*) from users";

  private static final String EMAIL_TAKEN =
      """
      select exists(select 1 from users
                     where (lower(email) = lower(:email) or login_key = :loginKey) and id <> :id)
      """;

  /** Locks the admin rows so that two concurrent demotions cannot remove the last admin. */
  private static final String LOCK_ADMINS =
      "select id from users where role = 'ADMIN' order by id for update";

  // Unique indexes on lower(email) and login_key: concurrent first starts create one admin, not
  // two, and a taken address in another spelling inserts nothing.
  private static final String INSERT =
      """
      insert into users (id, email, login_key, name, role, password_hash, created_at, updated_at)
      values (:id, :email, :loginKey, :name, :role, :hash, :now, :now)
      on conflict do nothing
      """;

  private static final String UPDATE =
      """
      update users
         set email = :email, login_key = :loginKey, name = :name, role = :role,
             password_hash = coalesce(:hash, password_hash), updated_at = :now,
             credentials_version = credentials_version + case when :credentialsChanged then 1 else 0 end
       where id = :id
      """;

  private static final String DELETE = "delete from users where id = :id";

  // Spring Session JDBC indexes sessions by principal name, which is the login email.
  private static final String END_SESSIONS =
      "delete from spring_session where lower(principal_name) = lower(:email)";

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<User> findById(UUID id) {
    return jdbc.sql(FIND_BY_ID).param("id", id).query(Users::user).optional();
  }

  public boolean any() {
    return count() > 0;
  }

  public long count() {
    return jdbc.sql(COUNT).query(Long.class).single();
  }

  public List<User> list(long offset, int limit) {
    return jdbc.sql(LIST).param("offset", offset).param("limit", limit).query(Users::user).list();
  }

  Optional<SignedInUser> findForLogin(LoginName name) {
    return jdbc.sql(FIND_FOR_LOGIN)
        .param("loginKey", name.key())
        .query(
            (rs, n) ->
                new SignedInUser(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("name"),
                    Role.valueOf(rs.getString("role")),
                    rs.getString("password_hash"),
                    rs.getLong("credentials_version")))
        .optional();
  }

  /**
   * The user's current credentials version (see {@link SignedInUser#credentialsVersion()}), empty
   * when the user no longer exists.
   */
  public Optional<Long> credentialsVersion(UUID id) {
    return jdbc.sql(CREDENTIALS_VERSION).param("id", id).query(Long.class).optional();
  }

  /** Users written before login keys existed (or straight through SQL): id to email. */
  java.util.Map<UUID, String> withoutLoginKey() {
    java.util.Map<UUID, String> found = new java.util.LinkedHashMap<>();
    jdbc.sql(WITHOUT_LOGIN_KEY)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> found.put(rs.getObject("id", UUID.class), rs.getString("email")));
    return found;
  }

  void setLoginKey(UUID id, LoginName name) {
    jdbc.sql(SET_LOGIN_KEY).param("id", id).param("loginKey", name.key()).update();
  }

  boolean emailTaken(String email, UUID exceptId) {
    return jdbc.sql(EMAIL_TAKEN)
        .param("email", email)
        .param("loginKey", LoginName.of(email).key())
        .param("id", exceptId)
        .query(Boolean.class)
        .single();
  }

  List<UUID> lockAdmins() {
    return jdbc.sql(LOCK_ADMINS).query(UUID.class).list();
  }

  /** Returns false (and inserts nothing) when the email is already taken. */
  boolean insert(UUID id, String email, String name, Role role, String hash, OffsetDateTime now) {
    return jdbc.sql(INSERT)
            .param("id", id)
            .param("email", email)
            .param("loginKey", LoginName.of(email).key())
            .param("name", name)
            .param("role", role.name())
            .param("hash", hash)
            .param("now", now)
            .update()
        == 1;
  }

  /**
   * {@code hash} null keeps the current password; {@code credentialsChanged} ends every session of
   * the user (see {@link #credentialsVersion}).
   */
  void update(
      UUID id,
      String email,
      String name,
      Role role,
      String hash,
      boolean credentialsChanged,
      OffsetDateTime now) {
    jdbc.sql(UPDATE)
        .param("id", id)
        .param("email", email)
        .param("loginKey", LoginName.of(email).key())
        .param("credentialsChanged", credentialsChanged)
        .param("name", name)
        .param("role", role.name())
        .param("hash", hash, java.sql.Types.VARCHAR)
        .param("now", now)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql(DELETE).param("id", id).update();
  }

  /** Logs the user out everywhere: their role or password changed, or they were deleted. */
  void endSessions(String email) {
    jdbc.sql(END_SESSIONS).param("email", email).update();
  }

  private static User user(ResultSet rs, int row) throws SQLException {
    return new User(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("name"),
        Role.valueOf(rs.getString("role")),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
