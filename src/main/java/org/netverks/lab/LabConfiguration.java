package org.netverks.lab;

import java.util.List;
import org.netverks.lab.run.MetaCommandHandler;
import org.netverks.lab.run.PlanHandler;
import org.netverks.lab.run.ScriptRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class LabConfiguration implements WebMvcConfigurer {

    @Bean
    ScriptRunner scriptRunner(MetaCommandHandler meta, PlanHandler plans) {
        return new ScriptRunner(meta, plans);
    }

    /** The lab's handlers take the learner as a {@link LabService.Visitor} argument. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new LabVisitors());
    }
}
