package io.muster.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.parser.HistoryDecisionEvaluationListener;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The DMN facade: every decision Muster takes goes through here, always on the latest deployed
 * version of the table (binding "latest"), so a table an analyst deploys is used from the next
 * evaluation on, on every node. Tables asked on hot paths are looked up once per call (one query
 * for the latest version), parsed once per version and their answers cached per input: FEEL
 * evaluation is expensive and its history would grow with every page view.
 */
@Component
public class Decisions {

    public static final String SESSION_VISIBILITY = "session-visibility";
    public static final String REGISTRATION_ELIGIBILITY = "registration-eligibility";
    public static final String WAITLIST_OFFER_POLICY = "waitlist-offer-policy";
    public static final String AUTO_ENROL_ELIGIBILITY = "auto-enrol-eligibility";

    private static final int CACHE_LIMIT = 10_000;

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;
    /** Parses tables for in-memory evaluation, apart from the process engine's history listeners. */
    private final DmnEngine readOnlyDmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /**
     * Every evaluation runs on this engine of its own: nothing is recorded unless a booking replays
     * the evaluation it hands this thread (as the engine's history would see it) into history.
     */
    private final ThreadLocal<DmnDecisionEvaluationEvent> lastEvaluation = new ThreadLocal<>();
    private final DmnEngine recordingDmn = recordingEngine(lastEvaluation);
    private final Map<EligibilityKey, RecordedEligibility> eligibilityCache = new ConcurrentHashMap<>();
    private final ProcessEngineConfigurationImpl engine;
    private volatile HistoryDecisionEvaluationListener history;
    private final Map<String, DmnDecision> parsedTables = new ConcurrentHashMap<>();
    private final Map<CacheKey, Visibility> visibilityCache = new ConcurrentHashMap<>();
    private final Map<AutoEnrolKey, AutoEnrol> autoEnrolCache = new ConcurrentHashMap<>();

    Decisions(DecisionService decisionService, RepositoryService repositoryService,
            ProcessEngineConfigurationImpl engine) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
        this.engine = engine;
    }

    private static DmnEngine recordingEngine(ThreadLocal<DmnDecisionEvaluationEvent> lastEvaluation) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(lastEvaluation::set));
        return configuration.buildEngine();
    }

    /** A person's profile as the visibility table reads it. */
    public record Viewer(String department, String jobRole, String location, String employmentType) {
    }

    /** A session's visibility inputs. Equal values give equal answers, so answers are cached per value. */
    public record SessionRules(List<String> departments, List<String> jobRoles, List<String> locations,
            String status, boolean startsInFuture) {
    }

    public record Visibility(boolean visible, String reason) {
    }

    /** registration-eligibility's answer: register at once, ask an approver, or refuse. */
    public enum Outcome { REGISTER, NEEDS_APPROVAL, REJECT }

    /** Whom registration-eligibility names as approver: one person, or everyone in a group. */
    public enum ApproverKind { USER, GROUP }

    public record Eligibility(Outcome outcome, String approver, ApproverKind approverKind, String reason) {

        static Eligibility of(Map<String, Object> out) {
            Object kind = out.get("approverKind");
            return new Eligibility(Outcome.valueOf((String) out.get("outcome")), (String) out.get("approver"),
                    kind == null ? null : ApproverKind.valueOf((String) kind), (String) out.get("reason"));
        }
    }

    /**
     * Whether a person sees sessions. Read paths (a calendar of thousands of sessions) ask this
     * per session, so the latest table is looked up once per call here, evaluated in memory
     * without writing decision history, and its answers are remembered per distinct input for as
     * long as that table version is the latest.
     */
    public VisibilityCheck visibilityFor(Viewer viewer) {
        Table table = latest(SESSION_VISIBILITY);
        return session -> visibilityCache.computeIfAbsent(new CacheKey(table.definitionId(), viewer, session), key -> {
            if (visibilityCache.size() > CACHE_LIMIT) {
                visibilityCache.clear();
            }
            return visibility(table, viewer, session).answer();
        });
    }

    /** Answers for one viewer against the table version that was latest when it was made. */
    @FunctionalInterface
    public interface VisibilityCheck {
        Visibility of(SessionRules session);
    }

    private String latestId(String key) {
        return latestDefinition(key).getId();
    }

    private DecisionDefinition latestDefinition(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult();
    }

    private DmnDecision parse(String decisionDefinitionId, String key) {
        try (InputStream model = repositoryService.getDecisionModel(decisionDefinitionId)) {
            return readOnlyDmn.parseDecision(key, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** session-visibility's inputs: the one mapping the calendar and a preview both use. */
    static VariableMap visibilityVariables(Viewer viewer, SessionRules session) {
        return Variables.createVariables()
                .putValue("department", viewer.department())
                .putValue("jobRole", viewer.jobRole())
                .putValue("location", viewer.location())
                .putValue("employmentType", viewer.employmentType())
                .putValue("sessionDepartments", session.departments())
                .putValue("sessionJobRoles", session.jobRoles())
                .putValue("sessionLocations", session.locations())
                .putValue("sessionStatus", session.status())
                .putValue("startsInFuture", session.startsInFuture());
    }

    /** What session-visibility answers for one person and session, and the rule that answered. */
    public Evaluated<Visibility> visibility(Table table, Viewer viewer, SessionRules session) {
        Hit hit = evaluate(table.decision(), visibilityVariables(viewer, session));
        DmnDecisionResultEntries result = hit.result().getSingleResult();
        return new Evaluated<>(result == null ? new Visibility(false, "No rule matched")
                : new Visibility(Boolean.TRUE.equals(result.get("visible")), (String) result.get("reason")), hit.ruleId());
    }

    /**
     * Who may register and whether an approver must agree, on the latest deployed table. Called
     * from the registration process, the evaluation is recorded as that instance's decision
     * instance (inputs, matched rule, outputs), which Cockpit shows beside the diagram, exactly as
     * the engine records its own. FEEL evaluation is the largest cost of a booking, so a table
     * version is evaluated once per distinct input and its evaluation replayed into the history of
     * each booking that asks the same.
     */
    public Eligibility recordedEligibility(EligibilityInput input) {
        String tableId = latestId(REGISTRATION_ELIGIBILITY);
        RecordedEligibility answer = eligibilityCache.computeIfAbsent(new EligibilityKey(tableId, input), key -> {
            if (eligibilityCache.size() > CACHE_LIMIT) {
                eligibilityCache.clear();
            }
            DmnDecision deployed = (DmnDecision) repositoryService.getDecisionDefinition(tableId);
            Hit hit = evaluate(deployed, input.variables());
            return new RecordedEligibility(eligibilityOf(hit), hit.evaluation());
        });
        history().notify(answer.evaluation());
        return answer.eligibility();
    }

    /** What registration-eligibility answers for one booking, and the rule that answered. */
    public Evaluated<Eligibility> eligibility(Table table, EligibilityInput input) {
        Hit hit = evaluate(table.decision(), input.variables());
        return new Evaluated<>(eligibilityOf(hit), hit.ruleId());
    }

    private static Eligibility eligibilityOf(Hit hit) {
        DmnDecisionResultEntries result = hit.result().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("No rule of registration-eligibility matched");
        }
        return Eligibility.of(result.getEntryMap());
    }

    private HistoryDecisionEvaluationListener history() {
        if (history == null) {
            history = new HistoryDecisionEvaluationListener(engine.getDmnHistoryEventProducer());
        }
        return history;
    }

    private record RecordedEligibility(Eligibility eligibility, DmnDecisionEvaluationEvent evaluation) {
    }

    private record EligibilityKey(String tableId, EligibilityInput input) {
    }

    /** What registration-eligibility reads about a booking. */
    public record EligibilityInput(String method, String enrolmentMethod, boolean assigned, boolean approvalRequired,
            String managerUsername, String employmentType) {

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("method", method)
                    .putValue("enrolmentMethod", enrolmentMethod)
                    .putValue("assigned", assigned)
                    .putValue("approvalRequired", approvalRequired)
                    .putValue("managerUsername", managerUsername)
                    .putValue("employmentType", employmentType);
        }
    }

    /** How many hours a waiting-list offer stays open, given the time left before the start. */
    public int offerHours(double hoursUntilStart) {
        Object hours = decisionService.evaluateDecisionTableByKey(WAITLIST_OFFER_POLICY,
                Variables.createVariables().putValue("hoursUntilStart", hoursUntilStart))
                .getSingleResult().getSingleEntry();
        return ((Number) hours).intValue();
    }

    /** What auto-enrol-eligibility reads about one person and course. */
    public record AutoEnrolInput(String employmentType, boolean includeSubcontractors, boolean required,
            boolean includeOptional, String training, boolean missingTraining, boolean optedOut,
            String enrolmentStatus) {
    }

    public record AutoEnrol(boolean enrol, String reason) {
    }

    /** Answers of one table version; see {@link #autoEnrolCheck()}. */
    @FunctionalInterface
    public interface AutoEnrolCheck {
        AutoEnrol of(AutoEnrolInput input);
    }

    /**
     * Whether the auto-enrol cycle enrols a person. The cycle asks it for thousands of people at
     * a time, so the latest table is looked up once per check and evaluated in memory, once per
     * distinct input (a handful per course), without decision history; the cycle's report
     * counts the reasons instead.
     */
    public AutoEnrolCheck autoEnrolCheck() {
        Table table = latest(AUTO_ENROL_ELIGIBILITY);
        return input -> autoEnrolCache.computeIfAbsent(new AutoEnrolKey(table.definitionId(), input), key -> {
            if (autoEnrolCache.size() > CACHE_LIMIT) {
                autoEnrolCache.clear();
            }
            return autoEnrol(table, input).answer();
        });
    }

    /** auto-enrol-eligibility's inputs: the one mapping the cycle and a preview both use. */
    static VariableMap autoEnrolVariables(AutoEnrolInput input) {
        return Variables.createVariables()
                .putValue("employmentType", input.employmentType())
                .putValue("includeSubcontractors", input.includeSubcontractors())
                .putValue("required", input.required())
                .putValue("includeOptional", input.includeOptional())
                .putValue("training", input.training())
                .putValue("missingTraining", input.missingTraining())
                .putValue("optedOut", input.optedOut())
                .putValue("enrolmentStatus", input.enrolmentStatus());
    }

    /** What auto-enrol-eligibility answers for one person and course, and the rule that answered. */
    public Evaluated<AutoEnrol> autoEnrol(Table table, AutoEnrolInput input) {
        Hit hit = evaluate(table.decision(), autoEnrolVariables(input));
        DmnDecisionResultEntries result = hit.result().getFirstResult();
        return new Evaluated<>(result == null ? new AutoEnrol(false, "No rule matched")
                : new AutoEnrol(Boolean.TRUE.equals(result.get("enrol")), (String) result.get("reason")), hit.ruleId());
    }

    private record AutoEnrolKey(String tableId, AutoEnrolInput input) {
    }

    private record CacheKey(String tableId, Viewer viewer, SessionRules session) {
    }

    /**
     * One version of a decision table, parsed: the latest deployed one, exactly as the live paths
     * evaluate it, or a proposed one that is deployed nowhere.
     */
    public record Table(String key, String definitionId, int version, DmnDecision decision) {
    }

    /** An answer and the id of the DMN rule that gave it (null when no rule matched). */
    public record Evaluated<T>(T answer, String ruleId) {
    }

    private record Hit(DmnDecisionResult result, String ruleId, DmnDecisionEvaluationEvent evaluation) {
    }

    /**
     * Evaluates in memory, recording nothing: the listener only hands this thread the engine's
     * own account of the evaluation (the matched rule, and what history replays for bookings).
     */
    private Hit evaluate(DmnDecision table, VariableMap in) {
        try {
            DmnDecisionResult result = recordingDmn.evaluateDecision(table, in);
            DmnDecisionEvaluationEvent evaluation = lastEvaluation.get();
            String ruleId = evaluation.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent t
                    && !t.getMatchingRules().isEmpty() ? t.getMatchingRules().get(0).getId() : null;
            return new Hit(result, ruleId, evaluation);
        } finally {
            lastEvaluation.remove();
        }
    }

    /** The latest deployed version of a table, the very object the live paths evaluate. */
    public Table latest(String key) {
        DecisionDefinition latest = latestDefinition(key);
        String tableId = latest.getId();
        DmnDecision decision = REGISTRATION_ELIGIBILITY.equals(key)
                ? (DmnDecision) repositoryService.getDecisionDefinition(tableId)
                : parsedTables.computeIfAbsent(tableId, id -> parse(id, key));
        return new Table(key, tableId, latest.getVersion(), decision);
    }

    /** A proposed table, parsed by the DMN engine the live paths use; deployed nowhere. */
    public Table proposed(String key, byte[] model) {
        return new Table(key, null, 0, readOnlyDmn.parseDecision(key, new java.io.ByteArrayInputStream(model)));
    }

    /** An output Muster reads: its FEEL type, whether every answer needs it, the values Muster understands (empty: any). */
    public record Output(String type, boolean required, Set<String> values) {
    }

    /**
     * What Muster passes a table (variable names and their FEEL types) and what it reads back.
     * The inputs are read off the very mappings the evaluations use, so they cannot drift apart.
     */
    public record Contract(Map<String, String> inputs, Map<String, Output> outputs) {
    }

    public static Contract contract(String key) {
        Output reason = new Output("string", false, Set.of());
        return switch (key) {
            case SESSION_VISIBILITY -> new Contract(types(visibilityVariables(new Viewer("d", "j", "l", "EMPLOYEE"),
                    new SessionRules(List.of(), List.of(), List.of(), "SCHEDULED", true))),
                    Map.of("visible", new Output("boolean", true, Set.of()), "reason", reason));
            case REGISTRATION_ELIGIBILITY -> new Contract(types(new EligibilityInput("SELF", "SELF", true, true,
                    "manager", "EMPLOYEE").variables()),
                    Map.of("outcome", new Output("string", true, names(Outcome.values())),
                            "approver", new Output("string", false, Set.of()),
                            "approverKind", new Output("string", false, names(ApproverKind.values())),
                            "reason", reason));
            case AUTO_ENROL_ELIGIBILITY -> new Contract(types(autoEnrolVariables(new AutoEnrolInput("EMPLOYEE", true,
                    true, true, "EXPIRING", true, false, "NONE"))),
                    Map.of("enrol", new Output("boolean", true, Set.of()), "reason", reason));
            default -> throw new IllegalArgumentException("Muster supplies no inputs to " + key);
        };
    }

    private static Map<String, String> types(VariableMap sample) {
        Map<String, String> types = new java.util.TreeMap<>();
        sample.forEach((name, value) -> types.put(name, value instanceof Boolean ? "boolean"
                : value instanceof java.util.Collection<?> ? "list" : "string"));
        return types;
    }

    private static Set<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }
}
