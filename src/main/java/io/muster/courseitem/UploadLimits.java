package io.muster.courseitem;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** What an upload may be: its size and its content types. */
@Component
class UploadLimits {

    private final long maxBytes;
    private final Set<String> contentTypes;

    UploadLimits(UploadSettings settings) {
        this.maxBytes = settings.uploadMaxSize().toBytes();
        this.contentTypes = settings.uploadContentTypes().stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The media type without parameters, when it is one of the allowed types. */
    boolean allows(String mediaType) {
        return contentTypes.contains(mediaType);
    }

    Set<String> contentTypes() {
        return contentTypes;
    }
}
