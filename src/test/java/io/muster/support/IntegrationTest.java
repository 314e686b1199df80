package io.muster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the production profile against real PostgreSQL and SMTP/IMAP
 * servers, reached over HTTP through the real security chain. All such tests share one context.
 * The first admin comes from Camunda's standard admin-user properties, as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.admin-user.id=" + Api.ADMIN,
        "camunda.bpm.admin-user.password=" + Api.ADMIN_PASSWORD,
        // small chunks, so a few people already take linking and unlinking through several
        "muster.smart-enrolment.chunk-size=2",
        "muster.courses.multiple-session-enrolment=true"})
@ActiveProfiles("postgres")
@Import({Api.class, Fixtures.class})
@ContextConfiguration(initializers = EmbeddedServices.class)
public @interface IntegrationTest {
}
