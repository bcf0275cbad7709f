package dev.sheetsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: keeps Google Sheets in step with PostgreSQL through a transactional outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SheetsyncApplication {

  public static void main(String[] args) {
    SpringApplication.run(SheetsyncApplication.class, args);
  }
}
