package io.muster.coordinator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.muster.segment.Segment;
import io.muster.segment.SegmentRequest;

/** A segment's form as typed: its rule is one {@code field = value, value} a line. */
public class SegmentForm {

    private String name = "";
    private String rule = "";
    private final List<String> unreadable = new ArrayList<>();

    static SegmentForm of(Segment segment) {
        SegmentForm form = new SegmentForm();
        form.name = segment.getName();
        form.rule = segment.getRule().entrySet().stream()
                .map(e -> e.getKey() + " = " + String.join(", ", e.getValue())).collect(Collectors.joining("\n"));
        return form;
    }

    /** The API's request; {@link #unreadable()} names what could not be read into it. */
    SegmentRequest toRequest() {
        unreadable.clear();
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (String line : (rule == null ? "" : rule).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                unreadable.add("rule");
                break;
            }
            Set<String> values = Arrays.stream(line.substring(equals + 1).split(",")).map(String::strip)
                    .filter(v -> !v.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
            fields.computeIfAbsent(line.substring(0, equals).strip(), f -> new LinkedHashSet<>()).addAll(values);
        }
        return new SegmentRequest(name == null ? null : name.strip(), fields);
    }

    List<String> unreadable() {
        return unreadable;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }
}
