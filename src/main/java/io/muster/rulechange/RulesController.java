package io.muster.rulechange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/** Changed decision tables: preview, deploy, versions and their differences. Analysts and admins. */
@Tag(name = "Rules", description = "The decision tables analysts change (session-visibility, registration-eligibility,"
        + " auto-enrol-eligibility): whom a changed table would affect, deploying it, its versions and what changed"
        + " between two.")
@RestController
@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
class RulesController {

    private final RuleChanges rules;

    RulesController(RuleChanges rules) {
        this.rules = rules;
    }

    /**
     * The form a changed table is sent in, for the API document only: the mappings name no content
     * type, so that a caller who may not use them hears 403 before anything about their body.
     */
    record TableUpload(@Schema(type = "string", format = "binary", description = "The .dmn file, as Camunda Modeler saves it",
            requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(description = "Why (deployments only), for the versions list", maxLength = RuleVersions.MAX_COMMENT)
            String comment) {
    }

    /**
     * Evaluates the latest deployed table and the given one on today's people and upcoming
     * sessions (or the next auto-enrol run's candidates), deploys nothing, records nothing, and
     * answers the people whose outcome would change, a page of sessions (or courses) at a time.
     */
    @PostMapping("/api/rules/{decisionKey}/preview")
    @Operation(summary = "Preview whom a changed decision table would affect, without deploying it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = TableUpload.class)))
    RulePreview.Result preview(@PathVariable String decisionKey,
            @Parameter(hidden = true) @RequestPart("file") MultipartFile file,
            @Parameter(description = "Changed sessions (or courses) to skip") @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "Changed sessions (or courses) to answer, at most 100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "Usernames listed per move, at most 1000; the count is always whole")
            @RequestParam(defaultValue = "50") int people) {
        return rules.preview(decisionKey, bytes(file), new RulePreview.Paging(offset, limit, people));
    }

    @PostMapping("/api/rules/{decisionKey}/deployments")
    @Operation(summary = "Deploy a changed decision table, recording who and why")
    @ApiResponse(responseCode = "201", description = "Deployed: every node uses it from the next evaluation on")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = TableUpload.class)))
    ResponseEntity<RuleVersions.Version> deploy(@PathVariable String decisionKey,
            @Parameter(hidden = true) @RequestPart("file") MultipartFile file,
            @Parameter(hidden = true) @RequestParam(required = false) String comment) {
        RuleVersions.Version version = rules.deploy(decisionKey, bytes(file), comment, CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/rules/" + decisionKey + "/versions")).body(version);
    }

    @GetMapping("/api/rules/{decisionKey}/versions")
    @Operation(summary = "List a decision table's versions: who deployed each, when and why")
    List<RuleVersions.Version> versions(@PathVariable String decisionKey) {
        return rules.versions(decisionKey);
    }

    @GetMapping("/api/rules/{decisionKey}/versions/{from}/diff/{to}")
    @Operation(summary = "Compare two versions of a decision table: rules added, removed and changed")
    RuleVersions.Diff diff(@PathVariable String decisionKey, @PathVariable int from, @PathVariable int to) {
        return rules.diff(decisionKey, from, to);
    }

    /** A body that is no readable multipart form (the mappings take any content type: see TableUpload). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "file: send the .dmn file as the multipart part \"file\"");
        problem.setTitle("Invalid request");
        return problem;
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
