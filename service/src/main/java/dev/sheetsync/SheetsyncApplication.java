package dev.sheetsync;

import dev.sheetsync.probe.ProbeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: keeps Google Sheets in step with PostgreSQL through a transactional outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SheetsyncApplication {

  public static void main(String[] args) {
    if (ProbeCommand.requested(args)) {
      System.exit(ProbeCommand.run(System.getenv(), System.out));
    }
    SpringApplication.run(SheetsyncApplication.class, args);
  }
}
