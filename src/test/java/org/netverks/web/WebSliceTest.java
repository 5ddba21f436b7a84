package org.netverks.web;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The web-slice tier: the named controllers with the real web layer (security chain, filters,
 * error mapping, jte templates) through MockMvc, and no database, no PostgreSQL, no feature
 * services: a test mocks the services its controller calls ({@code @MockitoBean}). Much faster
 * than {@link org.netverks.IntegrationTest}, for controller rules (status, redirect, validation,
 * error format); what needs the database stays an integration test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
        // the features' own advices and filters need their services; a slice of a feature's
        // controller imports what it needs from its feature itself
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.netverks\\.(lab|learner|discussion)\\..*"))
@ImportAutoConfiguration({
    JteAutoConfiguration.class,
    // Boot's web slice brings Spring Security only with spring-boot-security-test; these three are what it adds
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
@EnableConfigurationProperties(WebProperties.class)
@Import({
    WebPropertiesValidator.class,
    SecurityConfiguration.class,
    ContentSecurityPolicy.class,
    SecurityHeaders.class,
    Site.class,
    RenderedPages.class,
    ErrorPageController.class
})
public @interface WebSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
