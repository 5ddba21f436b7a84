package org.netverks.lab;

import org.netverks.lab.run.MetaCommandHandler;
import org.netverks.lab.run.PlanHandler;
import org.netverks.lab.run.ScriptRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LabConfiguration {

    @Bean
    ScriptRunner scriptRunner(MetaCommandHandler meta, PlanHandler plans) {
        return new ScriptRunner(meta, plans);
    }
}
