package io.muster.coordinator;

import java.util.List;

import io.muster.security.CurrentUser;
import io.muster.segment.LinkRequest;
import io.muster.segment.Segment;
import io.muster.segment.SegmentRequest;
import io.muster.segment.SegmentService;
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
 * Segments: the list with rule, members and linked courses; a new segment; a segment to rename,
 * give a new rule, link and unlink courses, or delete after a confirmation. Admins only, as in the API.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SegmentPages {

    private final CoordinatorSegments read;
    private final CourseChoices courses;
    private final SegmentService segments;
    private final Forms forms;

    SegmentPages(CoordinatorSegments read, CourseChoices courses, SegmentService segments, Forms forms) {
        this.read = read;
        this.courses = courses;
        this.segments = segments;
        this.forms = forms;
    }

    @GetMapping("/admin/segments")
    String list(Model model) {
        model.addAttribute("segments", read.all());
        return "coordinator/segments";
    }

    @GetMapping("/admin/segments/new")
    String newSegment(Model model) {
        return form(new SegmentForm(), null, new FormErrors(), model);
    }

    @PostMapping("/admin/segments")
    String create(@ModelAttribute("form") SegmentForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SegmentRequest r = form.toRequest();
        return forms.submit(r, form.unreadable(), response, model, errors -> form(form, null, errors, model), () -> {
            Segment segment = segments.create(r.name(), r.rule());
            redirect.addFlashAttribute("done", "segments.created");
            return "redirect:/admin/segments/" + segment.getId();
        });
    }

    @GetMapping("/admin/segments/{id}")
    String segment(@PathVariable long id, Model model) {
        return form(read.form(id), id, new FormErrors(), model);
    }

    @PostMapping("/admin/segments/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") SegmentForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SegmentRequest r = form.toRequest();
        return forms.submit(r, form.unreadable(), response, model, errors -> form(form, id, errors, model), () -> {
            segments.update(id, r.name(), r.rule(), CurrentUser.username());
            redirect.addFlashAttribute("done", "segments.saved");
            return "redirect:/admin/segments/" + id;
        });
    }

    @PostMapping("/admin/segments/{id}/courses")
    String link(@PathVariable long id, @RequestParam(required = false) Long courseId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return forms.submit(new LinkRequest(courseId), List.of(), response, model,
                errors -> linkRefused(id, courseId, errors, model), () -> {
                    segments.link(id, courseId, CurrentUser.username());
                    redirect.addFlashAttribute("done", "segments.linked");
                    return "redirect:/admin/segments/" + id;
                });
    }

    @PostMapping("/admin/segments/{id}/courses/{courseId}/unlink")
    String unlink(@PathVariable long id, @PathVariable long courseId, RedirectAttributes redirect) {
        segments.unlink(id, courseId, CurrentUser.username());
        redirect.addFlashAttribute("done", "segments.unlinked");
        return "redirect:/admin/segments/" + id;
    }

    /** The first "Delete": says what deleting does; the second, on this page, does it. */
    @GetMapping("/admin/segments/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("segment", read.get(id));
        return "coordinator/segment-delete";
    }

    @PostMapping("/admin/segments/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        segments.delete(id, CurrentUser.username());
        redirect.addFlashAttribute("done", "segments.deleted");
        return "redirect:/admin/segments";
    }

    /** The segment's page again, its form as stored and the course chosen to link kept. */
    private String linkRefused(long id, Long courseId, FormErrors errors, Model model) {
        model.addAttribute("chosenCourse", courseId);
        return form(read.form(id), id, errors, model);
    }

    private String form(SegmentForm form, Long id, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (id != null) {
            model.addAttribute("segment", read.get(id));
            model.addAttribute("courses", courses.all());
        }
        return "coordinator/segment-form";
    }
}
