package io.muster.coordinator;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import io.muster.common.ProcessTransactions;
import io.muster.session.SessionRequest;
import io.muster.session.SessionService;
import io.muster.session.SessionType;
import io.muster.web.PageContext;
import io.muster.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One form to create a session (a draft) and to edit one, saved through the service the API
 * uses and checked by the API's own request constraints. Only admins, as in the API.
 */
@Controller
class SessionFormPages {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final CoordinatorSessions read;
    private final SessionService sessions;
    private final ProcessTransactions transactions;
    private final PageContext page;
    private final Validator validator;

    SessionFormPages(CoordinatorSessions read, SessionService sessions, ProcessTransactions transactions,
            PageContext page, Validator validator) {
        this.read = read;
        this.sessions = sessions;
        this.transactions = transactions;
        this.page = page;
        this.validator = validator;
    }

    @GetMapping("/admin/sessions/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newSession(Model model) {
        model.addAttribute("form", SessionForm.blank(page.zone()));
        return formPage(model, null);
    }

    @PostMapping("/admin/sessions/new")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@ModelAttribute("form") SessionForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SessionRequest request = form.request(result, validator);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(model, null);
        }
        try {
            long id = sessions.create(request.details()).getId();
            redirect.addFlashAttribute("done", "sessionForm.created");
            return "redirect:/admin/sessions/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOnForm(e, result, response, model, () -> formPage(model, null));
        }
    }

    @GetMapping("/admin/sessions/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable long id, Model model) {
        CoordinatorSessions.Editing editing = read.editing(id);
        model.addAttribute("form", editing.form());
        return formPage(model, editing);
    }

    /** Moves the session's running processes too, so it repeats when one of their jobs ran at that moment (as the API). */
    @PostMapping("/admin/sessions/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @ModelAttribute("form") SessionForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CoordinatorSessions.Editing editing = read.editing(id);
        SessionRequest request = form.request(result, validator);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(model, editing);
        }
        try {
            transactions.run(() -> sessions.update(id, request.details()));
            redirect.addFlashAttribute("done", "sessionForm.saved");
            return "redirect:/admin/sessions/" + id;
        } catch (RuntimeException e) {
            return Refusal.showOnForm(e, result, response, model, () -> formPage(model, editing));
        }
    }

    /** Every region zone, and the session's own where it is another id (an offset), so saving never changes it unasked. */
    private static List<String> zonesWith(String current) {
        if (current.isBlank() || ZONES.contains(current)) {
            return ZONES;
        }
        return Stream.concat(Stream.of(current), ZONES.stream()).toList();
    }

    /**
     * The trainers to choose from, and the session's own where it is no longer one (left the group):
     * kept as it is rather than silently dropped, so saving says why it cannot stay.
     */
    private static List<CoordinatorSessions.Choice> trainersWith(List<CoordinatorSessions.Choice> trainers,
            String current) {
        if (current.isBlank() || trainers.stream().anyMatch(t -> t.value().equals(current))) {
            return trainers;
        }
        return Stream.concat(Stream.of(new CoordinatorSessions.Choice(current, current)), trainers.stream()).toList();
    }

    private static SessionForm form(Model model) {
        return (SessionForm) model.getAttribute("form");
    }

    /** The form with what it offers; {@code editing} is null for a new session. */
    private String formPage(Model model, CoordinatorSessions.Editing editing) {
        model.addAttribute("editing", editing);
        // a session never changes course, so its form offers only its own
        model.addAttribute("courses", editing == null ? read.courses()
                : read.courses().stream().filter(c -> c.value().equals(editing.form().getCourseId())).toList());
        model.addAttribute("trainers", trainersWith(read.trainers(), form(model).getTrainerUsername()));
        model.addAttribute("zones", zonesWith(form(model).getTimeZone()));
        model.addAttribute("types", SessionType.values());
        return "coordinator/session-form";
    }
}
