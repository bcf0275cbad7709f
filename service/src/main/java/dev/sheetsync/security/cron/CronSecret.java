package dev.sheetsync.security.cron;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/**
 * The bearer secret that outside schedulers (crontab, Kubernetes CronJob, Vercel cron) present as
 * {@code Authorization: Bearer <CRON_SECRET>}.
 *
 * <p>Unlike the original app ({@code docs/api-contract.md}), an unset secret closes the bearer
 * path: it compared {@code header?.replace("Bearer ", "")} with {@code process.env.CRON_SECRET}, so
 * with the variable unset a request without any header matched ({@code undefined === undefined})
 * and ran the job. Here nothing matches when no secret is configured. The comparison covers the
 * whole header value and takes the same time whatever the caller sends, so response timing reveals
 * nothing about the secret.
 *
 * <p>Thread-safe and immutable. The secret is never logged, printed or echoed.
 */
@Component
public final class CronSecret {

  static final int MINIMUM_LENGTH = 32;

  /** {@code "Bearer " + secret} as bytes, or {@code null} when the bearer path is closed. */
  private final byte[] expectedHeader;

  CronSecret(CronProperties properties) {
    this.expectedHeader = expectedHeader(properties.cronSecret());
  }

  /** For tests and tools: the same checks as the bean. */
  static CronSecret of(String secret) {
    return new CronSecret(new CronProperties(secret));
  }

  private static byte[] expectedHeader(String secret) {
    if (secret == null || secret.isBlank()) {
      return null;
    }
    // Trimmed: secrets pasted into env files and Kubernetes secrets often carry a trailing newline.
    String trimmed = secret.strip();
    if (trimmed.length() < MINIMUM_LENGTH) {
      throw new CronSecretTooShortException(trimmed.length());
    }
    return ("Bearer " + trimmed).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a secret is configured at all; when not, {@link #matches} is always false. */
  public boolean isConfigured() {
    return expectedHeader != null;
  }

  /**
   * Whether {@code authorizationHeader} is exactly {@code "Bearer " + secret}.
   *
   * @param authorizationHeader the raw header value, may be {@code null}
   */
  public boolean matches(String authorizationHeader) {
    if (expectedHeader == null || authorizationHeader == null) {
      return false;
    }
    // isEqual's running time depends only on its first argument's length: the expected value.
    return MessageDigest.isEqual(
        expectedHeader, authorizationHeader.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "CronSecret[" + (isConfigured() ? "configured" : "unset") + "]";
  }
}
