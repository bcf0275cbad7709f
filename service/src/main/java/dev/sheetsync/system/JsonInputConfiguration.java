package dev.sheetsync.system;

import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Rules for JSON input that hold for every field of their type, registered with the application's
 * {@code JsonMapper} (request bodies and PATCH merges alike).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

  /**
   * Dates are years 1 to 9999 only. PostgreSQL stores {@code -4714-01-01} as {@code -infinity}
   * (whose sync then failed forever) and refuses years past 5874897 with a constraint error, and
   * Sheets cannot show years past 9999: each is a 400 naming the field instead.
   */
  @Bean
  JacksonModule dateRangeModule() {
    return new SimpleModule("sheetsync-date-range")
        .addDeserializer(LocalDate.class, new BoundedLocalDateDeserializer());
  }

  static final class BoundedLocalDateDeserializer extends StdDeserializer<LocalDate> {

    static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    BoundedLocalDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
      LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
      if (date != null && (date.isBefore(FIRST) || date.isAfter(LAST))) {
        throw InvalidFormatException.from(
            parser, "date out of range 0001-01-01 to 9999-12-31", date.toString(), LocalDate.class);
      }
      return date;
    }
  }
}
