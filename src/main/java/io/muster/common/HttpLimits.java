package io.muster.common;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The largest request Muster reads; anything larger is refused with the limit named. Defaults are
 * in application.yaml under {@code muster.http}.
 *
 * @param maxBodySize   a request body (uploads have their own limit); larger is 413
 * @param maxUrlLength  an address, path and query, in characters; longer is 414
 * @param maxHeaderSize all headers together; larger is 431
 */
@Validated
@ConfigurationProperties("muster.http")
record HttpLimits(@NotNull DataSize maxBodySize, @Min(1) int maxUrlLength, @NotNull DataSize maxHeaderSize) {
}
