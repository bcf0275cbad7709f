/**
 * Users, their roles and permissions ({@link dev.sheetsync.users.Permissions#hasPermission}), the
 * admin-only user API and the first-admin bootstrap.
 */
package dev.sheetsync.users;
