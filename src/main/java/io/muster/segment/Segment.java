package io.muster.segment;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * A group of people described by a rule over profile fields. Who matches is kept in
 * {@code segment_member} (see {@link SegmentMembership}), never evaluated per request.
 */
@Entity
public class Segment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "segment_rule_value", joinColumns = @JoinColumn(name = "segment_id"))
    private Set<RuleValue> rule = new HashSet<>();

    private Instant createdAt;

    @Version
    private long version;

    protected Segment() {
    }

    Segment(String name, Map<String, ? extends Set<String>> rule, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
        setRule(rule);
    }

    /** A new name and rule; who matches it is {@link SegmentMembership}'s to work out. */
    void change(String name, Map<String, ? extends Set<String>> rule) {
        this.name = name;
        this.rule.clear();
        setRule(rule);
    }

    private void setRule(Map<String, ? extends Set<String>> rule) {
        rule.forEach((field, values) -> values.forEach(value -> this.rule.add(new RuleValue(field, value))));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Field name to its allowed values, sorted so answers are stable. */
    public SortedMap<String, SortedSet<String>> getRule() {
        SortedMap<String, SortedSet<String>> fields = new TreeMap<>();
        rule.forEach(v -> fields.computeIfAbsent(v.fieldName, f -> new TreeSet<>()).add(v.fieldValue));
        return fields;
    }

    @Embeddable
    static class RuleValue {

        private String fieldName;
        private String fieldValue;

        protected RuleValue() {
        }

        RuleValue(String fieldName, String fieldValue) {
            this.fieldName = fieldName;
            this.fieldValue = fieldValue;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RuleValue other && fieldName.equals(other.fieldName)
                    && fieldValue.equals(other.fieldValue);
        }

        @Override
        public int hashCode() {
            return fieldName.hashCode() * 31 + fieldValue.hashCode();
        }
    }
}
