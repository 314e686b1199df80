package io.muster.courseitem;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a learner may upload. Defaults are in application.yaml under {@code muster.course-items}.
 *
 * @param uploadMaxSize      the largest file
 * @param uploadContentTypes the media types accepted
 */
@Validated
@ConfigurationProperties("muster.course-items")
record UploadSettings(@NotNull DataSize uploadMaxSize, @NotEmpty List<String> uploadContentTypes) {
}
