package dev.sheetsync.sheets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the validated layout and the row mapper; a bad layout fails startup right here. */
@Configuration(proxyBeanMethods = false)
class LayoutConfiguration {

  @Bean
  SheetLayouts sheetLayouts(LayoutProperties properties) {
    return properties.toLayouts();
  }

  @Bean
  RowMapper rowMapper() {
    return new RowMapper();
  }
}
