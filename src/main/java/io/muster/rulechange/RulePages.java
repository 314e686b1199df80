package io.muster.rulechange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.muster.common.InvalidInputException;
import io.muster.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analyst's rules page: upload a changed table, see whom it would affect, deploy it with a
 * comment, and read the versions and what changed between two. Plain forms, so it all works
 * without script; the previewed file travels back in the form (as text), so "Deploy" deploys
 * exactly what was previewed, checked again, on whichever node answers.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
class RulePages {

    private static final int PAGE = 25;
    private static final int PEOPLE_SHOWN = 50;

    private final RuleChanges rules;

    RulePages(RuleChanges rules) {
        this.rules = rules;
    }

    @GetMapping("/analyst/rules")
    String form(Model model) {
        model.addAttribute("keys", RuleChanges.KEYS);
        return "rulechange/rules";
    }

    /** A file chosen now, or the one previewed before (for its next page). */
    @PostMapping("/analyst/rules/preview")
    String preview(@RequestParam(defaultValue = "") String decision, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String content, @RequestParam(defaultValue = "0") int offset, Model model,
            HttpServletResponse response) {
        model.addAttribute("decision", decision);
        byte[] table = file != null && !file.isEmpty() ? RulesController.bytes(file) : decode(content);
        try {
            RulePreview.Result result = rules.preview(RuleChanges.chosen(decision), table,
                    new RulePreview.Paging(offset, PAGE, PEOPLE_SHOWN));
            model.addAttribute("result", result);
            model.addAttribute("proposedFile", Base64.getEncoder().encodeToString(table));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", e.getMessage());
        }
        return form(model);
    }

    @PostMapping("/analyst/rules/deploy")
    String deploy(@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String content,
            @RequestParam(required = false) String comment, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            RuleVersions.Version version = rules.deploy(RuleChanges.chosen(decision), decode(content), comment,
                    CurrentUser.username());
            redirect.addFlashAttribute("deployed", version.version());
            return "redirect:/analyst/rules/" + decision + "/versions";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("decision", decision);
            model.addAttribute("refused", e.getMessage());
            return form(model);
        }
    }

    @GetMapping("/analyst/rules/{decision}/versions")
    String versions(@PathVariable String decision, Model model) {
        List<RuleVersions.Version> versions = rules.versions(decision);
        model.addAttribute("decision", decision);
        model.addAttribute("versions", versions);
        return "rulechange/versions";
    }

    /** Without versions named, the latest against the one before it. */
    @GetMapping("/analyst/rules/{decision}/diff")
    String diff(@PathVariable String decision, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        List<RuleVersions.Version> versions = rules.versions(decision);
        int latest = versions.isEmpty() ? 1 : versions.get(0).version();
        int b = to == null ? latest : to;
        int a = from == null ? Math.max(1, b - 1) : from;
        model.addAttribute("decision", decision);
        model.addAttribute("versions", versions);
        model.addAttribute("diff", rules.diff(decision, a, b));
        return "rulechange/diff";
    }

    private static byte[] decode(String content) {
        if (content == null || content.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(content.strip());
        } catch (IllegalArgumentException e) {
            return content.getBytes(StandardCharsets.UTF_8);
        }
    }
}
