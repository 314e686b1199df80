package io.muster.coordinator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.muster.people.PeopleDirectory;
import io.muster.registration.RegistrationStatus;
import io.muster.security.CurrentUser;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's roster with its bulk actions on the ticked lines (change status, copy or swap to
 * another session, mark attendance), and the page that adds learners found by a search. Each action
 * is authorised as the API's operation is; a form that does not say what to do is shown again under
 * 400 with the field's message, and nothing changes.
 */
@Controller
class RosterPages {

    /** The most people one search lists: enough to pick from, small enough to read. */
    private static final int FOUND_MAX = 50;

    private final CoordinatorSessions read;
    private final RosterActions actions;
    private final PeopleDirectory directory;

    RosterPages(CoordinatorSessions read, RosterActions actions, PeopleDirectory directory) {
        this.read = read;
        this.actions = actions;
        this.directory = directory;
    }

    /** The roster; {@code all} ticks every line shown, so "Select all" works without a script. */
    @GetMapping("/admin/sessions/{id}/roster")
    String roster(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean all, Model model) {
        RegistrationStatus only = null;
        try {
            only = status == null || status.isBlank() ? null : RegistrationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            model.addAttribute("refused", "There is no status " + status + "; the whole roster is shown.");
        }
        CoordinatorSessions.Roster roster = read.roster(id, only);
        model.addAttribute("roster", roster);
        model.addAttribute("only", only);
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("choices", actions.choices(id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RosterForm.ticking(all ? roster.learners().stream()
                    .map(l -> Long.toString(l.registrationId())).toList() : List.of()));
        }
        return "coordinator/roster";
    }

    @PostMapping("/admin/sessions/{id}/roster/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String changeStatus(@PathVariable long id, @ModelAttribute("form") RosterForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RosterActions.Choices choices = actions.choices(id);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> lines = form.lines(choices, errors);
        RegistrationStatus to = form.newStatus(choices, errors);
        return act(id, errors, model, response, redirect,
                () -> actions.changeStatus(id, lines, to, form.givenReason(), CurrentUser.username()));
    }

    /** Attended or Absent: the same roster status operation, offered once the session has started. */
    @PostMapping("/admin/sessions/{id}/roster/attendance")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String markAttendance(@PathVariable long id, @ModelAttribute("form") RosterForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> lines = form.lines(actions.choices(id), errors);
        RegistrationStatus to = form.attended(errors);
        return act(id, errors, model, response, redirect,
                () -> actions.changeStatus(id, lines, to, null, CurrentUser.username()));
    }

    @PostMapping("/admin/sessions/{id}/roster/copy")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String copy(@PathVariable long id, @ModelAttribute("form") RosterForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return toSession(id, form, model, response, redirect, (choices, target, lines, errors) -> {
            RegistrationStatus as = form.copyStatus(choices, errors);
            return () -> actions.copy(id, target, lines, as, CurrentUser.username());
        });
    }

    @PostMapping("/admin/sessions/{id}/roster/swap")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String swap(@PathVariable long id, @ModelAttribute("form") RosterForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return toSession(id, form, model, response, redirect,
                (choices, target, lines, errors) -> () -> actions.swap(choices, target, lines, CurrentUser.username()));
    }

    @GetMapping("/admin/sessions/{id}/roster/add")
    String addLearners(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("line", read.get(id));
        model.addAttribute("q", q);
        model.addAttribute("found", q.isBlank() ? List.of() : directory.search(q, 0, FOUND_MAX));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("picked")) {
            model.addAttribute("picked", List.of());
        }
        return "coordinator/roster-add";
    }

    /** Book: as the API books someone else (admins and enrolment managers only). */
    @PostMapping("/admin/sessions/{id}/roster/add/book")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String book(@PathVariable long id, @RequestParam(required = false) List<String> people,
            @RequestParam(defaultValue = "") String q, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return add(id, people, q, model, response, redirect, () -> actions.book(id, people, CurrentUser.username(),
                CurrentUser.managesEnrolments()));
    }

    /** Invite: to a session open for booking, an invitation to accept or decline instead of a seat. */
    @PostMapping("/admin/sessions/{id}/roster/add/invite")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String invite(@PathVariable long id, @RequestParam(required = false) List<String> people,
            @RequestParam(defaultValue = "") String q, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return add(id, people, q, model, response, redirect, () -> actions.invite(id, people, CurrentUser.username()));
    }

    /** Add to draft: the API's invitees of a draft session, invited when it is published. */
    @PostMapping("/admin/sessions/{id}/roster/add/draft")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    String addToDraft(@PathVariable long id, @RequestParam(required = false) List<String> people,
            @RequestParam(defaultValue = "") String q, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return add(id, people, q, model, response, redirect,
                () -> actions.addToDraft(id, people, CurrentUser.username()));
    }

    /** Copy or swap: reads what else it needs from the form, and answers what moves the ticked lines. */
    private interface ToSession {
        Supplier<RosterActions.Outcome> move(RosterActions.Choices choices, long target, List<Long> lines,
                Map<String, String> errors);
    }

    private String toSession(long id, RosterForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect, ToSession move) {
        RosterActions.Choices choices = actions.choices(id);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> lines = form.lines(choices, errors);
        long target = form.targetSession(choices, errors);
        return act(id, errors, model, response, redirect, move.move(choices, target, lines, errors));
    }

    private String act(long id, Map<String, String> errors, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Supplier<RosterActions.Outcome> action) {
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            return roster(id, null, false, model);
        }
        try {
            redirect.addFlashAttribute("outcome", action.get());
            return "redirect:/admin/sessions/" + id + "/roster";
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> roster(id, null, false, model));
        }
    }

    private String add(long id, List<String> people, String q, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Supplier<RosterActions.Outcome> action) {
        if (people == null || people.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", Map.of("people", "rosterActions.error.nonePeople"));
            return addLearners(id, q, model);
        }
        model.addAttribute("picked", people);
        try {
            redirect.addFlashAttribute("outcome", action.get());
            redirect.addAttribute("q", q);
            return "redirect:/admin/sessions/" + id + "/roster/add";
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> addLearners(id, q, model));
        }
    }
}
