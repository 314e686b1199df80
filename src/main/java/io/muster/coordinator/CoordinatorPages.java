package io.muster.coordinator;

import java.util.Set;
import java.util.TreeSet;

import io.muster.common.InvalidInputException;
import io.muster.lifecycle.SessionCancellations;
import io.muster.rosterops.RosterExport;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.web.PageContext;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's sessions: the list with its filters, a session with Publish and Cancel session, and its
 * roster's Excel export (the roster page itself is {@link RosterPages}). Admins and enrolment managers read them; only
 * admins publish and cancel, through the services the API uses.
 */
@Controller
class CoordinatorPages {

    private static final int REASON_MAX = 1000;

    private final CoordinatorSessions read;
    private final SessionService sessions;
    private final SessionCancellations cancellations;
    private final PageContext page;

    CoordinatorPages(CoordinatorSessions read, SessionService sessions, SessionCancellations cancellations,
            PageContext page) {
        this.page = page;
        this.read = read;
        this.sessions = sessions;
        this.cancellations = cancellations;
    }

    @GetMapping("/admin/sessions")
    String list(SessionFilter filter, Model model) {
        Set<String> invalid = new TreeSet<>();
        model.addAttribute("sessions", read.search(filter.criteria(page.zone(), invalid)));
        model.addAttribute("filter", filter);
        model.addAttribute("invalid", invalid);
        model.addAttribute("statuses", SessionStatus.values());
        model.addAttribute("courses", read.courses());
        model.addAttribute("trainers", read.trainers());
        model.addAttribute("mayChange", CurrentUser.isAdmin());
        return "coordinator/sessions";
    }

    @GetMapping("/admin/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        model.addAttribute("line", read.get(id));
        model.addAttribute("mayChange", CurrentUser.isAdmin());
        return "coordinator/session";
    }

    @PostMapping("/admin/sessions/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    String publish(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            sessions.publish(id);
            redirect.addFlashAttribute("done", "coordinator.published");
            return "redirect:/admin/sessions/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> session(id, model));
        }
    }

    /** The first "Cancel session": asks for the reason the learners and the trainer will read. */
    @GetMapping("/admin/sessions/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    String confirmCancel(@PathVariable long id, Model model) {
        model.addAttribute("line", read.get(id));
        return "coordinator/cancel";
    }

    @PostMapping("/admin/sessions/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("reason", reason);
        String why = reason.strip();
        try {
            if (why.isEmpty() || why.length() > REASON_MAX) {
                throw new InvalidInputException("Reason", "between 1 and " + REASON_MAX
                        + " characters: the learners and the trainer read it");
            }
            cancellations.cancel(id, why, CurrentUser.username());
            redirect.addFlashAttribute("done", "coordinator.cancelled");
            return "redirect:/admin/sessions/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOn(e, response, model, () -> confirmCancel(id, model));
        }
    }

    @GetMapping("/admin/sessions/{id}/roster.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, RosterExport.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("roster-" + id + ".xlsx").build().toString())
                .body(read.workbook(id));
    }
}
