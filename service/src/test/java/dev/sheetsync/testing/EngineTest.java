package dev.sheetsync.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on the test profile with a {@link SettableClock}. Every test class with this
 * annotation shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import(EngineTest.ClockConfiguration.class)
public @interface EngineTest {

  @TestConfiguration(proxyBeanMethods = false)
  class ClockConfiguration {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock();
    }
  }
}
