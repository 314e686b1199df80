package io.muster.course;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param multipleSessionEnrolment the portal switch until an admin sets it; default in application.yaml
 */
@ConfigurationProperties("muster.courses")
record CourseDefaults(boolean multipleSessionEnrolment) {
}
