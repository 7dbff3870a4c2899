package io.lodestone.scoring;

import io.lodestone.scoring.backtest.BacktestCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The scoring service; {@code backtest} as first argument runs the offline backtest instead,
 * with no Kafka, no web server and nothing but JSON lines on standard output.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RiskScoringApplication {

    public static void main(String[] args) {
        if (args.length > 0 && BacktestCommand.NAME.equals(args[0])) {
            System.exit(BacktestCommand.run(args));
        }
        SpringApplication.run(RiskScoringApplication.class, args);
    }
}
