package io.muster.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.muster.course.Course;
import io.muster.people.Person;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/** A scheduled occurrence of a course: when, where, who trains, who may see and book it. */
@Entity
public class TrainingSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    private String title;
    private String shortDescription;
    private Instant startsAt;
    private Instant endsAt;
    private String timeZone;
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    private SessionType type;

    private String location;
    private String onlineUrl;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "trainer_id")
    private Person trainer;

    /** Null: unlimited. */
    private Integer capacity;

    /**
     * Seats held by registrations and open offers. Only the roster's seat ledger writes it, with
     * the session row locked; the database checks it never exceeds capacity.
     */
    @Column(insertable = false, updatable = false)
    private int seatsTaken;

    private boolean waitingList;
    private boolean approvalRequired;

    @ElementCollection
    @CollectionTable(name = "session_department", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "department")
    private Set<String> departments = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "session_job_role", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "job_role")
    private Set<String> jobRoles = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "session_location", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "location")
    private Set<String> locations = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "session_material", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    private List<Material> materials = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private SessionStatus status;

    private String cancellationReason;

    /** iCalendar SEQUENCE: raised on every change learners must hear about. */
    private int calendarSequence;

    private Instant createdAt;

    @Version
    private long version;

    protected TrainingSession() {
    }

    TrainingSession(Course course) {
        this.course = course;
        this.status = SessionStatus.DRAFT;
        this.createdAt = Instant.now();
    }

    void schedule(String title, String shortDescription, Instant startsAt, ZoneId zone, int durationMinutes,
            SessionType type, String location, String onlineUrl, Person trainer, Integer capacity,
            boolean waitingList, boolean approvalRequired, Set<String> departments, Set<String> jobRoles,
            Set<String> locations, List<Material> materials) {
        this.title = title;
        this.shortDescription = shortDescription;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.endsAt = startsAt.plus(Duration.ofMinutes(durationMinutes));
        this.timeZone = zone.getId();
        this.type = type;
        this.location = type == SessionType.IN_PERSON ? location : null;
        this.onlineUrl = type == SessionType.ONLINE ? onlineUrl : null;
        this.trainer = trainer;
        this.capacity = capacity;
        this.waitingList = waitingList;
        this.approvalRequired = approvalRequired;
        replace(this.departments, departments);
        replace(this.jobRoles, jobRoles);
        replace(this.locations, locations);
        this.materials.clear();
        if (materials != null) {
            this.materials.addAll(materials);
        }
    }

    void publish() {
        this.status = SessionStatus.SCHEDULED;
    }

    void cancel(String reason) {
        this.status = SessionStatus.CANCELLED;
        this.cancellationReason = reason;
        this.calendarSequence++;
    }

    void moveTo(SessionStatus status) {
        this.status = status;
    }

    void raiseCalendarSequence() {
        this.calendarSequence++;
    }

    private static void replace(Set<String> target, Set<String> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public String getTitle() {
        return title;
    }

    public String getShortDescription() {
        return shortDescription;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public SessionType getType() {
        return type;
    }

    public String getLocation() {
        return location;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public Person getTrainer() {
        return trainer;
    }

    /** Whether this person is the session's trainer. */
    public boolean isTrainedBy(String username) {
        return trainer != null && trainer.getUsername().equals(username);
    }

    public Integer getCapacity() {
        return capacity;
    }

    public int getSeatsTaken() {
        return seatsTaken;
    }

    /** Null when the session has no capacity limit. */
    public Integer getSeatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - seatsTaken);
    }

    public boolean isWaitingList() {
        return waitingList;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public Set<String> getDepartments() {
        return Set.copyOf(departments);
    }

    public Set<String> getJobRoles() {
        return Set.copyOf(jobRoles);
    }

    public Set<String> getLocations() {
        return Set.copyOf(locations);
    }

    public List<Material> getMaterials() {
        return List.copyOf(materials);
    }

    public SessionStatus getStatus() {
        return status;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }

    public int getCalendarSequence() {
        return calendarSequence;
    }
}
