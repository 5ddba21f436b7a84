package org.netverks;

import org.netverks.platform.CommandContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NetverksApplication {

    public static void main(String[] args) {
        // a command (validate, moderator, sandboxes, help) does its work and exits without starting the web app
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args, CommandContext.fromEnvironment(System.out, System.err)));
        }
        SpringApplication.run(NetverksApplication.class, args);
    }
}
