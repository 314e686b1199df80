package io.muster.security;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure, in every run mode, that Muster's groups exist in Camunda's identity store with
 * the authorizations their roles need, and that Tasklist has task filters for approvers and
 * trainers. Idempotent: it only adds what is missing, so a restart or a second node changes nothing.
 * An engine plugin, so it runs as soon as the engine is built, before any request or job.
 */
@Component
class IdentitySetup extends AbstractProcessEnginePlugin {

    /** The first filter Tasklist shows an approver: the approvals they may decide. */
    static final String MY_APPROVALS = "My approvals";
    /** The first filter Tasklist shows a trainer: everything waiting for them. */
    static final String MY_WORK = "My work";

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private static final String[] TASKLIST_USERS = {MusterGroups.APPROVERS, MusterGroups.TRAINERS, MusterGroups.ADMINS};

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private IdentityService identityService;
    private AuthorizationService authorizationService;
    private FilterService filterService;
    private TaskService taskService;

    IdentitySetup(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /**
     * Nodes started together would each find a group, grant or filter missing and create it twice;
     * so the setup holds the engine's own startup lock row, and a second node waits for the first and
     * then finds everything there.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        identityService = engine.getIdentityService();
        authorizationService = engine.getAuthorizationService();
        filterService = engine.getFilterService();
        taskService = engine.getTaskService();
        transactions.executeWithoutResult(status -> {
            jdbc.queryForList("select NAME_ from ACT_GE_PROPERTY where NAME_ = 'startup.lock' for update");
            setUp();
        });
    }

    void setUp() {
        Map.of(MusterGroups.ADMINS, "Muster administrators", MusterGroups.APPROVERS, "Approvers",
                MusterGroups.TRAINERS, "Trainers", MusterGroups.LEARNERS, "Learners",
                MusterGroups.ANALYSTS, "Decision analysts", MusterGroups.ENROLMENT_MANAGERS, "Enrolment managers")
                .forEach(this::group);

        // Muster admins are full Camunda admins.
        for (Resources resource : Resources.values()) {
            grant(MusterGroups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
        // Approvers and trainers work in Tasklist; Camunda grants task work to a task's candidates.
        grant(MusterGroups.APPROVERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(MusterGroups.TRAINERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Analysts deploy changed decision tables (as Camunda Modeler does) and read decisions in Cockpit.
        grant(MusterGroups.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(MusterGroups.ANALYSTS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
        grant(MusterGroups.ANALYSTS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(MusterGroups.ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
        // Enrolment managers decide registration approvals through Muster's roster API (which completes
        // the task as them); they get no webapp and no other engine rights.
        grant(MusterGroups.ENROLMENT_MANAGERS, Resources.PROCESS_DEFINITION, "registration",
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK);
        // Learners get no webapp access at all.

        // Tasklist opens on the first filter the person may read, and shows each filter's count.
        filter(MY_APPROVALS, 0, taskService.createTaskQuery().processDefinitionKey("registration")
                .taskDefinitionKey("user_approve_registration").or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr(), MusterGroups.APPROVERS, MusterGroups.ADMINS);
        filter(MY_WORK, 1, taskService.createTaskQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr(), TASKLIST_USERS);
        filter("My tasks", 2, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), TASKLIST_USERS);
        filter("Waiting for me", 3, taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"),
                TASKLIST_USERS);
        filter("My groups", 4, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(), TASKLIST_USERS);
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(MusterGroups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            for (Permission permission : permissions) {
                grant.addPermission(permission);
            }
            authorizationService.saveAuthorization(grant);
        }
    }

    /** Adds the filter when missing; an existing one keeps its query but takes the order given here. */
    private void filter(String name, int priority, TaskQuery query, String... readers) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter != null) {
            if (!Integer.valueOf(priority).equals(filter.getProperties().get("priority"))) {
                Map<String, Object> properties = new HashMap<>(filter.getProperties());
                properties.put("priority", priority);
                filterService.saveFilter(filter.setProperties(properties));
            }
            return;
        }
        filter = filterService.newTaskFilter(name).setQuery(query)
                .setProperties(Map.<String, Object>of("priority", priority, "description", name, "refresh", true));
        filterService.saveFilter(filter);
        for (String group : readers) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
