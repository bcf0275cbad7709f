package dev.sheetsync.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the web server meets its clients.
 *
 * @param trustedProxies env {@code SHEETSYNC_TRUSTED_PROXIES}: comma-separated addresses and CIDR
 *     ranges ({@code 10.0.0.0/8, 192.168.1.5, fd00::/8}) of the reverse proxies whose {@code
 *     X-Forwarded-For/-Proto/-Host/-Port} headers are believed; blank (the default) believes no
 *     one, so a client cannot pick its own address (and throttle budget) or the host of redirects
 * @param bodyReadTimeout the longest a request body may take to arrive, all of it; a slower body is
 *     answered 408 and its connection closed
 * @param maxConcurrentBodyReads request bodies read at once; more wait for a slot up to {@code
 *     bodyReadTimeout}, then get 503, so slow senders can hold at most this many of the server's
 *     threads and the rest keep answering (health checks, logged-in users)
 */
@Validated
@ConfigurationProperties("sheetsync.http")
public record HttpProperties(
    @DefaultValue("") String trustedProxies,
    @DefaultValue("20s") @NotNull Duration bodyReadTimeout,
    @DefaultValue("100") @Min(1) int maxConcurrentBodyReads) {}
