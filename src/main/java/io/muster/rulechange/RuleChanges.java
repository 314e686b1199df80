package io.muster.rulechange;

import java.util.List;

import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.rules.Decisions;
import org.springframework.stereotype.Service;

/**
 * What analysts do with a changed decision table, for the API and the page alike: preview it,
 * deploy it, list the versions and compare two. Only the tables whose inputs Muster builds from
 * its people and sessions can be previewed and deployed here.
 */
@Service
class RuleChanges {

    static final List<String> KEYS = List.of(Decisions.SESSION_VISIBILITY, Decisions.REGISTRATION_ELIGIBILITY,
            Decisions.AUTO_ENROL_ELIGIBILITY);

    private final TableCheck check;
    private final RulePreview preview;
    private final RuleVersions versions;

    RuleChanges(TableCheck check, RulePreview preview, RuleVersions versions) {
        this.check = check;
        this.preview = preview;
        this.versions = versions;
    }

    RulePreview.Result preview(String key, byte[] file, RulePreview.Paging paging) {
        return preview.preview(check.check(known(key), file), paging);
    }

    RuleVersions.Version deploy(String key, byte[] file, String comment, String username) {
        return versions.deploy(check.check(known(key), file), comment, username);
    }

    List<RuleVersions.Version> versions(String key) {
        return versions.versions(known(key));
    }

    RuleVersions.Diff diff(String key, int a, int b) {
        return versions.diff(known(key), a, b);
    }

    /** A decision chosen in a form: one of those Muster previews, or a bad field (not a missing page). */
    static String chosen(String key) {
        if (!KEYS.contains(key)) {
            throw new InvalidInputException("decision", "choose one of " + String.join(", ", KEYS));
        }
        return key;
    }

    static String known(String key) {
        if (!KEYS.contains(key)) {
            throw new NotFoundException("Decision", key);
        }
        return key;
    }
}
