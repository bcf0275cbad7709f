package dev.sheetsync.security.cron;

import dev.sheetsync.system.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The bearer path of {@code POST /api/sync/write-back} and {@code POST /api/sync/reconcile}: {@code
 * Authorization: Bearer <CRON_SECRET>} authenticates the request as {@link CronAuthentication} for
 * this request only.
 *
 * <p>A request that carries an {@code Authorization} header which does not match is answered 401
 * here, even if it also carries a valid admin session cookie. A caller that sends a bearer token
 * means "authenticate me by this token"; quietly falling back to a cookie would hide a wrong or
 * rotated secret behind whatever session happens to be around, and would let a broken cron job keep
 * "working" from an admin's terminal and fail in production. Without the header the session path
 * applies as usual.
 */
public final class CronBearerFilter extends OncePerRequestFilter {

  static final String PATH = "/api/sync/write-back";

  /** The reconcile, which outside schedulers may start too. */
  static final String RECONCILE_PATH = "/api/sync/reconcile";

  /**
   * The decoded paths, as MVC maps them: an encoded variant must not reach an endpoint unjudged.
   */
  private static final RequestMatcher ENDPOINT =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher(PATH),
          PathPatternRequestMatcher.withDefaults().matcher(RECONCILE_PATH));

  private static final Logger log = LoggerFactory.getLogger(CronBearerFilter.class);

  private final CronSecret secret;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  public CronBearerFilter(CronSecret secret) {
    this.secret = secret;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ENDPOINT.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!secret.matches(header)) {
      // Never log the header: it may be the real secret with a typo, or another service's token.
      log.warn(
          "Refused {} call from {}: Authorization header does not match CRON_SECRET{}",
          request.getRequestURI(),
          request.getRemoteAddr(),
          secret.isConfigured() ? "" : " (CRON_SECRET is unset, so no bearer token is accepted)");
      JsonErrors.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized");
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new CronAuthentication());
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
