package dev.sheetsync.sheets;

import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpIOExceptionHandler;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseInterceptor;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;

/**
 * Prepares every Sheets request: credentials (if any), connect/read timeouts, and metrics — timer
 * {@code sheets.requests} tagged {@code method} and {@code status} (HTTP code, or {@code IO_ERROR}
 * for timeouts and refused connections), counter {@code sheets.quota.exceeded} for 429s.
 *
 * <p>No retries here, on purpose: the write-back engine retries 429/5xx/timeouts itself with
 * backoff and jitter, honouring the quota, and knows which calls are safe to repeat (an append that
 * Google applied before answering 503 is not). The only repeat left to Google's client is the one
 * after an expired access token is refreshed (401).
 */
final class SheetsRequestInitializer implements HttpRequestInitializer {

  static final String TIMER = "sheets.requests";
  static final String QUOTA_COUNTER = "sheets.quota.exceeded";

  private final HttpCredentialsAdapter credentials;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final MeterRegistry meters;

  SheetsRequestInitializer(
      GoogleCredentials credentials,
      Duration connectTimeout,
      Duration readTimeout,
      MeterRegistry meters) {
    this.credentials = credentials == null ? null : new HttpCredentialsAdapter(credentials);
    this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    this.meters = meters;
    // Registered at 0, so that a rate or an alert on them works before the first 429 ever happens
    // (Prometheus' increase() cannot see a counter's first appearance as an increase).
    for (String method : SheetsMethods.KNOWN) {
      meters.counter(QUOTA_COUNTER, "method", method);
    }
  }

  @Override
  public void initialize(HttpRequest request) throws IOException {
    if (credentials != null) {
      credentials.initialize(request); // sets its interceptor and its 401 refresh handler
    }
    request.setConnectTimeout(connectTimeoutMillis);
    request.setReadTimeout(readTimeoutMillis);
    // One repeat at most, for the credentials' token refresh after a 401; nothing else retries.
    request.setNumberOfRetries(credentials == null ? 0 : 1);
    Measured measured = new Measured(request.getInterceptor());
    request.setInterceptor(measured);
    request.setResponseInterceptor(measured);
    request.setIOExceptionHandler(measured);
  }

  /** Times one request from its first attempt to its final response or I/O failure. */
  private final class Measured
      implements HttpExecuteInterceptor, HttpResponseInterceptor, HttpIOExceptionHandler {

    private final HttpExecuteInterceptor delegate;
    private long startNanos;

    Measured(HttpExecuteInterceptor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void intercept(HttpRequest request) throws IOException {
      if (startNanos == 0) {
        startNanos = System.nanoTime();
      }
      if (delegate != null) {
        delegate.intercept(request);
      }
    }

    @Override
    public void interceptResponse(HttpResponse response) {
      int status = response.getStatusCode();
      record(response.getRequest(), Integer.toString(status));
      if (status == 429) {
        meters.counter(QUOTA_COUNTER, "method", method(response.getRequest())).increment();
      }
    }

    @Override
    public boolean handleIOException(HttpRequest request, boolean supportsRetry) {
      record(request, "IO_ERROR");
      return false; // the engine decides whether to retry
    }

    private void record(HttpRequest request, String status) {
      long elapsed = System.nanoTime() - (startNanos == 0 ? System.nanoTime() : startNanos);
      Timer.builder(TIMER)
          .description("Google Sheets API requests")
          .tag("method", method(request))
          .tag("status", status)
          .register(meters)
          .record(Duration.ofNanos(elapsed));
    }

    private String method(HttpRequest request) {
      return SheetsMethods.name(request.getRequestMethod(), request.getUrl().getRawPath());
    }
  }
}
