package dev.sheetsync.system;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link TrustedProxyValve} for {@code SHEETSYNC_TRUSTED_PROXIES} ({@code
 * server.forward-headers-strategy} is {@code none}, so nothing else reads those headers).
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final HttpProperties properties;

  TrustedProxies(HttpProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addEngineValves(
        new TrustedProxyValve(TrustedProxyValve.parse(properties.trustedProxies())),
        new UnreadBodyValve());
  }
}
