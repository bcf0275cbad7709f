package dev.sheetsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermissionsTest {

  @Test
  void adminsStarGrantsEveryPermissionIncludingTheStarItself() {
    assertThat(Permissions.hasPermission(Role.ADMIN, "*")).isTrue();
    assertThat(Permissions.hasPermission(Role.ADMIN, Permissions.USERS_MANAGE)).isTrue();
    assertThat(Permissions.hasPermission(Role.ADMIN, "anything:invented-later")).isTrue();
  }

  @Test
  void otherRolesHoldExactlyTheirListedPermissions() {
    assertThat(Permissions.hasPermission(Role.SELLER, Permissions.REQUESTS_WRITE)).isTrue();
    assertThat(Permissions.hasPermission(Role.SELLER, Permissions.REVENUES_READ)).isTrue();
    assertThat(Permissions.hasPermission(Role.SELLER, Permissions.REVENUES_WRITE)).isFalse();
    assertThat(Permissions.hasPermission(Role.ACCOUNTANT, Permissions.REVENUES_WRITE)).isTrue();
    assertThat(Permissions.hasPermission(Role.ACCOUNTANT, Permissions.OPERATORS_PAYMENT)).isTrue();
    assertThat(Permissions.hasPermission(Role.ACCOUNTANT, Permissions.OPERATORS_WRITE)).isFalse();
    assertThat(Permissions.hasPermission(Role.ACCOUNTANT, Permissions.REQUESTS_WRITE)).isFalse();
  }

  @Test
  void onlyAdminIsAdmin() {
    assertThat(Permissions.hasPermission(Role.SELLER, "*")).isFalse();
    assertThat(Permissions.hasPermission(Role.ACCOUNTANT, "*")).isFalse();
    assertThat(Permissions.hasPermission(Role.SELLER, Permissions.USERS_MANAGE)).isFalse();
  }

  @Test
  void nullRoleOrPermissionIsNeverGranted() {
    assertThat(Permissions.hasPermission(null, Permissions.REQUESTS_READ)).isFalse();
    assertThat(Permissions.hasPermission(Role.ADMIN, null)).isFalse();
  }
}
