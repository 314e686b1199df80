package io.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmartEnrolmentSettingsTest {

    @EnableConfigurationProperties(SmartEnrolmentSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @ParameterizedTest
    @ValueSource(ints = {1, 10_000})
    void aChunkSizeWithinBoundsIsTaken(int size) {
        context.withPropertyValues("muster.smart-enrolment.chunk-size=" + size).run(started ->
                assertThat(started.getBean(SmartEnrolmentSettings.class).chunkSize()).isEqualTo(size));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10_001, 40_000})
    void aChunkSizeOutOfBoundsStopsTheStartNamingTheSetting(int size) {
        context.withPropertyValues("muster.smart-enrolment.chunk-size=" + size).run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("muster.smart-enrolment")
                        .hasMessageContaining("chunkSize"));
    }
}
