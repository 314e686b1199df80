package io.muster.segment;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/** A segment as admins see it; {@code courses} only when one segment is read. */
record SegmentView(long id, String name, SortedMap<String, SortedSet<String>> rule, long memberCount,
        Instant createdAt, List<LinkedCourse> courses) {

    static SegmentView of(Segment s, long memberCount, List<LinkedCourse> courses) {
        return new SegmentView(s.getId(), s.getName(), s.getRule(), memberCount, s.getCreatedAt(), courses);
    }
}
