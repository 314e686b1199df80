package io.muster.coordinator;

import io.muster.enrolmentkey.EnrolmentKey;
import io.muster.enrolmentkey.EnrolmentKeyService;
import io.muster.enrolmentkey.KeyRequest;
import io.muster.security.CurrentUser;
import io.muster.web.PageContext;
import jakarta.servlet.http.HttpServletResponse;
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
 * Enrolment keys: the list with the uses left, a key, and a new key for sessions of one course.
 * The API offers no change and no deletion of a key, so neither does the page.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
class KeyPages {

    private final CoordinatorKeys read;
    private final CourseChoices courses;
    private final EnrolmentKeyService keys;
    private final Forms forms;
    private final PageContext page;

    KeyPages(CoordinatorKeys read, CourseChoices courses, EnrolmentKeyService keys, Forms forms, PageContext page) {
        this.read = read;
        this.courses = courses;
        this.keys = keys;
        this.forms = forms;
        this.page = page;
    }

    @GetMapping("/admin/keys")
    String list(Model model) {
        model.addAttribute("keys", read.all());
        return "coordinator/keys";
    }

    @GetMapping("/admin/keys/{code}")
    String key(@PathVariable String code, Model model) {
        model.addAttribute("key", read.get(code));
        return "coordinator/key";
    }

    /** Without a course, the first step: which course; with one, its sessions, uses and expiry. */
    @GetMapping("/admin/keys/new")
    String form(@RequestParam(required = false) Long course, Model model) {
        KeyForm form = new KeyForm();
        form.setCourseId(course);
        return form(form, new FormErrors(), model);
    }

    @PostMapping("/admin/keys")
    String create(@ModelAttribute("form") KeyForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        KeyRequest request = form.toRequest(page.zone());
        return forms.submit(request, form.unreadable(), response, model, errors -> form(form, errors, model), () -> {
            EnrolmentKey key = keys.create(request.courseId(), request.sessionIds(), request.maxUses(),
                    request.expiresAt().toInstant(), CurrentUser.username());
            redirect.addFlashAttribute("done", "keys.created");
            return "redirect:/admin/keys/" + key.getCode();
        });
    }

    private String form(KeyForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("courses", courses.all());
        if (form.getCourseId() != null) {
            model.addAttribute("course", courses.get(form.getCourseId()));
            model.addAttribute("sessions", read.sessionsOf(form.getCourseId(), page.now()));
        }
        return "coordinator/key-form";
    }
}
