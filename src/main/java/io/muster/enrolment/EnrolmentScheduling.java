package io.muster.enrolment;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The enrolment mail outbox is drained on a fixed delay. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnrolmentScheduling {
}
