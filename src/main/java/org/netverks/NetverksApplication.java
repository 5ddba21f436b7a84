package org.netverks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NetverksApplication {

    public static void main(String[] args) {
        // "validate" checks the content (files, datasets, exercises) and exits without starting the web app.
        if (args.length > 0 && args[0].equals("validate")) {
            System.exit(ValidateCommand.validate(args));
        }
        SpringApplication.run(NetverksApplication.class, args);
    }
}
