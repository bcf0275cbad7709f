package dev.sheetsync.sheets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the validated layout and the row mapper; a bad layout fails startup right here. */
@Configuration(proxyBeanMethods = false)
class LayoutConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LayoutConfiguration.class);

  @Bean
  SheetLayouts sheetLayouts(LayoutProperties properties) {
    SheetLayouts layouts = properties.toLayouts();
    layouts.warnings().forEach(warning -> log.warn("Sheet layout: {}", warning));
    return layouts;
  }

  @Bean
  RowMapper rowMapper() {
    return new RowMapper();
  }
}
