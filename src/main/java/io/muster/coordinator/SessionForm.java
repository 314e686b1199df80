package io.muster.coordinator;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.muster.session.SessionRequest;
import io.muster.session.SessionType;
import io.muster.session.TrainingSession;
import io.muster.web.FormValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.validation.BindingResult;

/**
 * The session form as typed: every value a string, so a bad one comes back exactly as it was.
 * It becomes the API's {@link SessionRequest} and is checked by that request's own constraints.
 */
public class SessionForm {

    /** Empty material lines the form offers, so one can be added without script. */
    static final int SPARE_MATERIALS = 3;
    static final String REQUIRED = "sessionForm.required";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String courseId = "";
    private String title = "";
    private String shortDescription = "";
    private String startsAt = "";
    private String timeZone = "";
    private String durationMinutes = "";
    private String type = SessionType.IN_PERSON.name();
    private String location = "";
    private String onlineUrl = "";
    private String trainerUsername = "";
    private String capacity = "";
    private boolean waitingList;
    private boolean approvalRequired;
    private String departments = "";
    private String jobRoles = "";
    private String locations = "";
    private List<MaterialLine> materials = new ArrayList<>();

    /** One pre-read document: a name and its address. */
    public static class MaterialLine {

        private String name = "";
        private String url = "";

        public MaterialLine() {
        }

        MaterialLine(String name, String url) {
            this.name = name;
            this.url = url;
        }

        boolean blank() {
            return name.isBlank() && url.isBlank();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name == null ? "" : name;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url == null ? "" : url;
        }
    }

    /** A new session: the viewer's zone, and spare material lines. */
    static SessionForm blank(ZoneId zone) {
        SessionForm form = new SessionForm();
        form.timeZone = zone.getId();
        return form.withSpareMaterials();
    }

    /** The session as it is now, its start in its own zone. */
    static SessionForm of(TrainingSession s) {
        SessionForm form = new SessionForm();
        form.courseId = s.getCourse().getId().toString();
        form.title = s.getTitle();
        form.shortDescription = s.getShortDescription() == null ? "" : s.getShortDescription();
        form.startsAt = LOCAL.format(s.getStartsAt().atZone(s.getZone()));
        form.timeZone = s.getZone().getId();
        form.durationMinutes = Integer.toString(s.getDurationMinutes());
        form.type = s.getType().name();
        form.location = s.getLocation() == null ? "" : s.getLocation();
        form.onlineUrl = s.getOnlineUrl() == null ? "" : s.getOnlineUrl();
        form.trainerUsername = s.getTrainer() == null ? "" : s.getTrainer().getUsername();
        form.capacity = s.getCapacity() == null ? "" : s.getCapacity().toString();
        form.waitingList = s.isWaitingList();
        form.approvalRequired = s.isApprovalRequired();
        form.departments = String.join(", ", s.getDepartments().stream().sorted().toList());
        form.jobRoles = String.join(", ", s.getJobRoles().stream().sorted().toList());
        form.locations = String.join(", ", s.getLocations().stream().sorted().toList());
        s.getMaterials().forEach(m -> form.materials.add(new MaterialLine(m.name(), m.url())));
        return form.withSpareMaterials();
    }

    private SessionForm withSpareMaterials() {
        for (int i = 0; i < SPARE_MATERIALS; i++) {
            materials.add(new MaterialLine());
        }
        return this;
    }

    /**
     * The request this form makes, checked as the API checks it. Each problem is recorded on the
     * field it belongs to; the request is only worth sending when {@code result} has no errors.
     */
    SessionRequest request(BindingResult result, Validator validator) {
        ZoneId zone = zoneOrUtc();
        List<Integer> materialLines = new ArrayList<>();
        List<SessionRequest.MaterialRequest> materialRequests = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            MaterialLine line = materials.get(i);
            if (!line.blank()) {
                materialLines.add(i);
                materialRequests.add(new SessionRequest.MaterialRequest(line.name.strip(), line.url.strip()));
            }
        }
        SessionRequest request = new SessionRequest(
                parse("courseId", courseId, Long::valueOf, result),
                title.strip(), blankAsNull(shortDescription),
                parse("startsAt", startsAt, text -> LocalDateTime.parse(text).atZone(zone).toOffsetDateTime(), result),
                timeZone.strip(),
                parse("durationMinutes", durationMinutes, Integer::valueOf, result),
                parse("type", type, SessionType::valueOf, result),
                blankAsNull(location), blankAsNull(onlineUrl), blankAsNull(trainerUsername),
                parse("capacity", capacity, Integer::valueOf, result),
                waitingList, approvalRequired,
                new SessionRequest.Visibility(values(departments), values(jobRoles), values(locations)),
                materialRequests);
        for (ConstraintViolation<SessionRequest> violation : validator.validate(request)) {
            String field = formField(violation.getPropertyPath().toString(), materialLines);
            if (result.hasFieldErrors(field)) {
                continue;
            }
            Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
            boolean missing = constraint == NotNull.class || constraint == NotBlank.class;
            result.rejectValue(field, missing ? REQUIRED : constraint.getSimpleName(), violation.getMessage());
        }
        return request;
    }

    /** Where a violation of the request shows on the form: the visibility lists and material lines are named apart. */
    private static String formField(String path, List<Integer> materialLines) {
        if (path.startsWith("visibility.")) {
            return path.substring("visibility.".length()).split("[.\\[]", 2)[0];
        }
        if (path.startsWith("materials[")) {
            int close = path.indexOf(']');
            int line = materialLines.get(Integer.parseInt(path.substring("materials[".length(), close)));
            String rest = path.substring(close + 1);
            return "materials[" + line + "]" + (rest.startsWith(".") ? rest : "");
        }
        return path.split("[.\\[]", 2)[0];
    }

    private ZoneId zoneOrUtc() {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (RuntimeException e) {
            // the time zone's own message says what is wrong; the start is read in UTC meanwhile
            return ZoneOffset.UTC;
        }
    }

    private static <T> T parse(String field, String text, Function<String, T> parser, BindingResult result) {
        return FormValue.read(field, text, parser, f -> result.rejectValue(f, "sessionForm.invalid." + f));
    }

    /** A comma-separated or one-per-line list; empty means All. */
    private static Set<String> values(String text) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
        return values;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getCourseId() {
        return courseId;
    }

    public void setCourseId(String courseId) {
        this.courseId = orEmpty(courseId);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = orEmpty(title);
    }

    public String getShortDescription() {
        return shortDescription;
    }

    public void setShortDescription(String shortDescription) {
        this.shortDescription = orEmpty(shortDescription);
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = orEmpty(startsAt);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = orEmpty(timeZone);
    }

    public String getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(String durationMinutes) {
        this.durationMinutes = orEmpty(durationMinutes);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = orEmpty(type);
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = orEmpty(location);
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public void setOnlineUrl(String onlineUrl) {
        this.onlineUrl = orEmpty(onlineUrl);
    }

    public String getTrainerUsername() {
        return trainerUsername;
    }

    public void setTrainerUsername(String trainerUsername) {
        this.trainerUsername = orEmpty(trainerUsername);
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = orEmpty(capacity);
    }

    public boolean isWaitingList() {
        return waitingList;
    }

    public void setWaitingList(boolean waitingList) {
        this.waitingList = waitingList;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public String getDepartments() {
        return departments;
    }

    public void setDepartments(String departments) {
        this.departments = orEmpty(departments);
    }

    public String getJobRoles() {
        return jobRoles;
    }

    public void setJobRoles(String jobRoles) {
        this.jobRoles = orEmpty(jobRoles);
    }

    public String getLocations() {
        return locations;
    }

    public void setLocations(String locations) {
        this.locations = orEmpty(locations);
    }

    public List<MaterialLine> getMaterials() {
        return materials;
    }

    public void setMaterials(List<MaterialLine> materials) {
        this.materials = materials == null ? new ArrayList<>() : materials;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
