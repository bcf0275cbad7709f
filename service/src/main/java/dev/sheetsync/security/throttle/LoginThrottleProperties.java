package dev.sheetsync.security.throttle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling policy. Attempts are counted per account (the canonical {@link
 * dev.sheetsync.users.LoginName}) and per client address; a counter starts over once {@code window}
 * has passed without a failure.
 *
 * @param enabled {@code false} turns throttling off (e.g. for load tests)
 * @param freeFailures failures on one account allowed without any delay (typos happen)
 * @param addressFreeFailures failures from one address allowed without any delay; higher, since
 *     many people may share an address
 * @param firstDelay wait imposed after the first failure beyond {@code freeFailures}; each further
 *     failure doubles it, up to {@code maxDelay}
 * @param maxDelay longest slowdown before the lock
 * @param accountLockAfter failures on one account that lock it for {@code lockDuration}
 * @param addressLockAfter failures from one address that lock it; higher than the account limit
 *     because an office or a mobile carrier puts many people behind one address
 * @param lockDuration how long a lock lasts
 * @param window quiet time after which a counter starts over
 */
@Validated
@ConfigurationProperties("sheetsync.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("3") @Min(0) int freeFailures,
    @DefaultValue("20") @Min(0) int addressFreeFailures,
    @DefaultValue("1s") @NotNull Duration firstDelay,
    @DefaultValue("30s") @NotNull Duration maxDelay,
    @DefaultValue("10") @Min(1) int accountLockAfter,
    @DefaultValue("50") @Min(1) int addressLockAfter,
    @DefaultValue("15m") @NotNull Duration lockDuration,
    @DefaultValue("15m") @NotNull Duration window) {}
