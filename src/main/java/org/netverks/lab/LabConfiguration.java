package org.netverks.lab;

import io.micrometer.observation.ObservationPredicate;
import java.util.List;
import org.netverks.lab.run.MetaCommandHandler;
import org.netverks.lab.run.PlanHandler;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.web.SecurityHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LabConfiguration implements WebMvcConfigurer {

    private final LabSettings settings;

    LabConfiguration(LabSettings settings) {
        this.settings = settings;
    }

    @Bean
    ScriptRunner scriptRunner(MetaCommandHandler meta, PlanHandler plans) {
        return new ScriptRunner(meta, plans);
    }

    /** The handlers take the learner as a {@link LabService.Visitor} argument. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new LabVisitors(settings));
    }

    /**
     * Lab runs are not observed as HTTP requests ({@code http.server.requests}): the observation
     * cost about a tenth of a lean run's CPU, and the lab times its runs itself
     * ({@code netverks.lab.runs}, {@link LabService}).
     */
    @Bean
    ObservationPredicate labRunsAreTimedByTheLab() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && LeanLabRuns.isRun(request.getCarrier()));
    }

    /**
     * The lean run path, after the request-size, slow-body and malformed-request filters
     * (HIGHEST_PRECEDENCE to + 10) and before Spring Session's (+ 50) and Spring Security's.
     */
    @Bean
    FilterRegistrationBean<LeanLabRuns> leanLabRuns(
            LabService lab,
            LabPasses passes,
            LabErrors errors,
            SecurityHeaders headers,
            CookieSerializer sessionCookies,
            JsonMapper json) {
        FilterRegistrationBean<LeanLabRuns> registration = new FilterRegistrationBean<>(
                new LeanLabRuns(lab, passes, settings, errors, headers, sessionCookies, json));
        registration.addUrlPatterns("/api/lab/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
