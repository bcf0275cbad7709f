package dev.sheetsync.console;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin console ({@code sheetsync.console.*}).
 *
 * @param warmUp before the instance reports ready, compute the chart's past hours and the completed
 *     count and render the console and the queue status as an admin (see {@link ConsoleWarmUp})
 * @param warmUpCalls how many times the warm-up loads each of {@code /admin} and {@code
 *     /api/sync/queue}
 * @param warmUpTimeLimit the warm-up stops loading pages after this long, however many it loaded,
 *     so a slow machine delays readiness by at most this much beyond the first computation
 */
@Validated
@ConfigurationProperties("sheetsync.console")
record ConsoleProperties(
    @DefaultValue("true") boolean warmUp,
    @DefaultValue("150") @Min(0) int warmUpCalls,
    @DefaultValue("20s") @NotNull Duration warmUpTimeLimit) {}
