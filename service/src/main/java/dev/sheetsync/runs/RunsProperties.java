package dev.sheetsync.runs;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Run history ({@code sheetsync.runs.*}).
 *
 * @param retention runs that started longer ago than this are deleted by the daily cleanup
 */
@Validated
@ConfigurationProperties("sheetsync.runs")
public record RunsProperties(@DefaultValue("30d") @NotNull Duration retention) {}
