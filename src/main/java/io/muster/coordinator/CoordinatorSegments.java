package io.muster.coordinator;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

import io.muster.segment.LinkedCourse;
import io.muster.segment.Segment;
import io.muster.segment.SegmentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the segment pages show, read in one transaction each. */
@Component
class CoordinatorSegments {

    private final SegmentService segments;

    CoordinatorSegments(SegmentService segments) {
        this.segments = segments;
    }

    public record SegmentLine(long id, String name, SortedMap<String, SortedSet<String>> rule, long members,
            List<LinkedCourse> courses) {
    }

    @Transactional(readOnly = true)
    List<SegmentLine> all() {
        Map<Long, Long> counts = segments.memberCounts();
        return segments.all().stream().map(s -> line(s, counts.getOrDefault(s.getId(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    SegmentLine get(long id) {
        return line(segments.get(id), segments.memberCount(id));
    }

    @Transactional(readOnly = true)
    SegmentForm form(long id) {
        return SegmentForm.of(segments.get(id));
    }

    private SegmentLine line(Segment s, long members) {
        return new SegmentLine(s.getId(), s.getName(), s.getRule(), members, segments.coursesOf(s.getId()));
    }
}
